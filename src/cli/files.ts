// The command line's promise about the user's files: none is ever overwritten unless it is the
// output asked for. Paths are compared by what they are (device and inode after links, and a
// file's name case-insensitively where it does not exist yet), never as strings; outputs are
// written to a fresh temporary file opened exclusively, then renamed over the target.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "fs";
import { randomBytes } from "crypto";
import path from "path";

/** A user's situation with a file (exit 2 with what to do), not a bug. */
export class FileProblem extends Error {}

/** One file the run touches: the flag that named it, the path as given and as resolved. */
export interface FileRole {
  flag: string;
  given: string;
  resolved: string;
  write: boolean;
}

/** What a path is: the file it resolves to ("dev:ino"), or for one not there yet its real folder and name. */
export function fileIdentity(p: string): string {
  try {
    const s = statSync(p); // follows symbolic links
    return `inode:${s.dev}:${s.ino}`;
  } catch {
    let dir = path.dirname(p);
    try {
      dir = realpathSync(dir);
    } catch {
      /* a folder that does not exist: the write will say so */
    }
    // the same name in another case is the same file on Windows and macOS: refuse it everywhere
    return `name:${path.join(dir, path.basename(p)).normalize("NFC").toLowerCase()}`;
  }
}

/** Refuses a run where a file written is also another file of the run (the input, --params, the other output). */
export function checkDistinct(roles: FileRole[]): void {
  const ids = roles.map((r) => fileIdentity(r.resolved));
  for (let i = 0; i < roles.length; i++)
    for (let j = i + 1; j < roles.length; j++) {
      if (!roles[i].write && !roles[j].write) continue;
      if (ids[i] !== ids[j]) continue;
      const [a, b] = [roles[i], roles[j]];
      throw new FileProblem(
        `${a.flag} 与 ${b.flag} 指向同一个文件（${b.given}），写入会覆盖它；请为输出另选文件名（输入工作簿从不修改）。\n` +
          `${a.flag} and ${b.flag} name the same file (${b.given}); writing would overwrite it. Choose another name for the output (the input is never modified).`
      );
    }
}

const GIB2 = 2 * 1024 ** 3;

/** Reads the input workbook, refusing what is not a readable regular file with what to do. */
export function readInputFile(file: string, given: string): Buffer {
  let s;
  try {
    s = statSync(file);
  } catch (e) {
    throw new FileProblem(explainReadError((e as NodeJS.ErrnoException).code, given));
  }
  if (s.isDirectory())
    throw new FileProblem(
      `${given} 是文件夹，不是工作簿。请指定文件夹中的 .xlsx 文件。\n${given} is a folder, not a workbook. Name the .xlsx file inside it.`
    );
  if (!s.isFile())
    throw new FileProblem(
      `${given} 不是普通文件（可能是管道或设备）。请指定保存在磁盘上的 .xlsx 文件。\n${given} is not a regular file (a pipe or a device?). Name an .xlsx file saved on disk.`
    );
  if (s.size >= GIB2)
    throw new FileProblem(
      `${given} 超过 2 GB，不可能是可读取的 Excel 工作簿（Excel 本身也打不开）。请检查文件，或按月份拆分工单表后分别核查。\n` +
        `${given} is over 2 GB, larger than any workbook Excel can open. Check the file, or split the ticket sheet by month and audit the parts.`
    );
  let fd: number;
  try {
    // O_NONBLOCK: a file swapped for a pipe after the check above never blocks the run
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileProblem(explainReadError((e as NodeJS.ErrnoException).code, given));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new FileProblem(`${given} 不是普通文件 / is not a regular file`);
    const buf = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === buf.length ? buf : buf.subarray(0, at);
  } catch (e) {
    if (e instanceof FileProblem) throw e;
    throw new FileProblem(explainReadError((e as NodeJS.ErrnoException).code, given));
  } finally {
    closeSync(fd);
  }
}

/** Why a file cannot be read, in the user's words. */
export function explainReadError(code: string | undefined, file: string): string {
  if (code === "ENOENT" || code === "ENOTDIR") return `找不到文件 / file not found: ${file}`;
  if (code === "EACCES" || code === "EPERM")
    return `没有读取 ${file} 的权限。请检查文件的权限，或把它复制到自己的文件夹后再核查。\nNo permission to read ${file}. Check its permissions, or copy it to a folder of your own and audit the copy.`;
  if (code === "EBUSY")
    return `${file} 正被其他程序占用，请关闭后重试。\n${file} is in use by another program: close it and try again.`;
  return `无法读取文件 / cannot read the file: ${file}`;
}

/** Why a file cannot be written, in the user's words. */
export function explainWriteError(code: string | undefined, file: string): string {
  if (code === "EISDIR")
    return `无法写入 ${file}：这是一个文件夹，请给出文件名（如 ${path.join(file, "结果.xlsx")}）/ cannot write ${file}: it is a folder — give a file name inside it`;
  if (code === "EBUSY" || code === "EPERM" || code === "EACCES")
    return `无法写入 ${file}：文件可能正在 Excel 中打开，请关闭后重试（或没有写入权限）/ cannot write ${file}: it may be open in Excel — close it and try again (or you lack permission)`;
  if (code === "ENOENT" || code === "ENOTDIR")
    return `无法写入 ${file}：文件夹不存在 / cannot write ${file}: the folder does not exist`;
  if (code === "ENOSPC")
    return `无法写入 ${file}：磁盘已满 / cannot write ${file}: the disk is full`;
  return `无法写入 ${file} / cannot write ${file}`;
}

/** Checks before any work that an output path can be written: a file (not a folder) in a folder that exists. */
export function checkWritable(file: string): void {
  let dir;
  try {
    dir = statSync(path.dirname(file));
  } catch {
    dir = undefined;
  }
  if (!dir?.isDirectory()) throw new FileProblem(explainWriteError("ENOENT", file));
  let target;
  try {
    target = statSync(file);
  } catch {
    return; // not there yet
  }
  if (target.isDirectory()) throw new FileProblem(explainWriteError("EISDIR", file));
  if (!target.isFile())
    throw new FileProblem(
      `无法写入 ${file}：它不是普通文件 / cannot write ${file}: it is not a regular file`
    );
  try {
    closeSync(openSync(file, "r+"));
  } catch (e) {
    throw new FileProblem(explainWriteError((e as NodeJS.ErrnoException).code, file));
  }
}

/** Where a write to `file` lands: the file a symbolic link points to, else the path in its real folder. */
function landing(file: string): string {
  try {
    if (lstatSync(file).isSymbolicLink()) return realpathSync(file);
  } catch {
    /* not there yet */
  }
  try {
    return path.join(realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return file;
  }
}

/**
 * Writes the pieces to a new temporary file beside the target (a random name, created exclusively:
 * a planted file or link is never followed), then renames it into place — never a half-written file.
 */
export function writeAtomically(file: string, pieces: (Uint8Array | string)[]): void {
  const target = landing(file);
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`
  );
  let created = false;
  try {
    const fd = openSync(tmp, "wx", 0o644);
    created = true;
    try {
      for (const p of pieces) writeSync(fd, typeof p === "string" ? Buffer.from(p, "utf8") : p);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    if (created)
      try {
        unlinkSync(tmp);
      } catch {
        /* already renamed or gone */
      }
    throw new FileProblem(explainWriteError((e as NodeJS.ErrnoException).code, file));
  }
}
