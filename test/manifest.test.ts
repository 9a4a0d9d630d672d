// manifest.xml checked offline. `npm run validate` (office-addin-manifest validate) posts the file
// to an online service that is not reachable here, and office-addin-manifest's readManifestFile
// cannot be loaded under jest (it pulls in @microsoft/app-manifest, which requires an ES module),
// so the manifest is parsed with xml2js (office-addin-manifest's own parser, a dependency of it)
// and the rules that matter for this add-in are asserted here. Also: the icons it names exist
// with the right sizes, and webpack's production copy rewrites every URL for ADDIN_URL.
import { existsSync, readFileSync } from "fs";
import path from "path";
import { REQUIRED_EXCEL_API } from "../src/excel/adapter";

// xml2js has no bundled types (and @types/xml2js is not installed): the little used here
interface Xml2js {
  parseStringPromise(xml: string, options: object): Promise<Record<string, XmlNode>>;
  processors: { stripPrefix(name: string): string };
}

const xml2js = require("xml2js") as Xml2js;

/** An element as xml2js gives it (explicitArray): attributes under $, text under _, children as arrays. */
interface XmlNode {
  $?: Record<string, string>;
  _?: string;
  [child: string]: unknown;
}

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value)
    ? (value as XmlNode[]).map((v) => (typeof v === "string" ? { _: v } : v))
    : [];
}

function kid(node: XmlNode | undefined, name: string): XmlNode {
  const list = kids(node, name);
  if (list.length !== 1) throw new Error(`expected one <${name}>, found ${list.length}`);
  return list[0];
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.$?.[name];
}

function text(node: XmlNode | undefined): string {
  return (node?._ ?? "").trim();
}

/** Every element below node (itself included) with its tag name. */
function walk(node: XmlNode, tag: string, visit: (node: XmlNode, tag: string) => void): void {
  visit(node, tag);
  for (const [key, value] of Object.entries(node)) {
    if (key === "$" || key === "_" || !Array.isArray(value)) continue;
    for (const child of value)
      if (child && typeof child === "object") walk(child as XmlNode, key, visit);
  }
}

async function parse(xml: string): Promise<XmlNode> {
  const doc = await xml2js.parseStringPromise(xml, {
    explicitArray: true,
    // bt:Image → Image, xsi:type → type: the checks do not depend on the prefixes chosen
    tagNameProcessors: [xml2js.processors.stripPrefix],
    attrNameProcessors: [xml2js.processors.stripPrefix],
  });
  return doc.OfficeApp;
}

/** The version REQUIRED_EXCEL_API is set to in src/excel/, read from the source (no import). */
const xml = readFileSync(MANIFEST, "utf8");
let app: XmlNode;

beforeAll(async () => {
  app = await parse(xml);
});

/** The Resources of VersionOverrides: id → { kind, DefaultValue, en-US override }. */
function resources(): Map<string, { kind: string; value: string; enUS?: string; node: XmlNode }> {
  const res = kid(kid(app, "VersionOverrides"), "Resources");
  const map = new Map<string, { kind: string; value: string; enUS?: string; node: XmlNode }>();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const group of kids(res, kind)) {
      const item = kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String";
      for (const node of kids(group, item)) {
        const id = attr(node, "id") ?? "";
        expect(map.has(id)).toBe(false); // ids are unique across all resource kinds
        const enUS = kids(node, "Override").find((o) => attr(o, "Locale") === "en-US");
        map.set(id, {
          kind,
          value: attr(node, "DefaultValue") ?? "",
          enUS: attr(enUS, "Value"),
          node,
        });
      }
    }
  }
  return map;
}

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  );
  expect(data.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** assets/… file behind an icon URL of the dev manifest. */
function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, ...url.slice(DEV_URL.length).split("/"));
}

describe("manifest.xml (add-in only, XML)", () => {
  test("a task pane add-in with a fixed GUID, version 1.0.0.0 and a provider", () => {
    expect(attr(app, "type")).toBe("TaskPaneApp");
    expect(text(kid(app, "Id"))).toMatch(GUID);
    expect(text(kid(app, "Version"))).toBe("1.0.0.0");
    expect(text(kid(app, "ProviderName")).length).toBeGreaterThan(0);
  });

  test("DefaultLocale zh-CN, with en-US overrides for the display name and description", () => {
    expect(text(kid(app, "DefaultLocale"))).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const node = kid(app, name);
      expect(attr(node, "DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
      const en = kids(node, "Override").filter((o) => attr(o, "Locale") === "en-US");
      expect(en).toHaveLength(1);
      expect(attr(en[0], "Value")).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(attr(kid(app, "DisplayName"), "DefaultValue")).toBe("接诉即办合同考核");
    expect(attr(kid(app, "DisplayName"), "DefaultValue")!.length).toBeLessThanOrEqual(125);
  });

  test("every English UI gets the English strings (not only en-US), each override like en-US's", () => {
    const english = [
      "en-US",
      "en-GB",
      "en-AU",
      "en-CA",
      "en-IE",
      "en-IN",
      "en-NZ",
      "en-SG",
      "en-ZA",
    ];
    let checked = 0;
    walk(app, "OfficeApp", (node) => {
      const overrides = kids(node, "Override");
      const enUS = overrides.find((o) => attr(o, "Locale") === "en-US");
      if (!enUS) return;
      checked++;
      for (const locale of english) {
        const o = overrides.filter((x) => attr(x, "Locale") === locale);
        expect({ locale, count: o.length }).toEqual({ locale, count: 1 });
        expect(attr(o[0], "Value")).toBe(attr(enUS, "Value"));
      }
    });
    expect(checked).toBeGreaterThan(10);
  });

  test("Traditional Chinese UIs (zh-TW, zh-HK, zh-MO) get every Chinese string in Traditional characters", () => {
    // characters written differently in Traditional Chinese (辦 訴 載 開 …)
    const simplifiedOnly = /[办诉载开选务击当计与并写们这时间关为单门问题项签钮标则结]/;
    const simplifiedOnlyInDefaults = /[办诉载开选务击当计与并写标]/;
    let checked = 0;
    walk(app, "OfficeApp", (node) => {
      const value = attr(node, "DefaultValue");
      if (!value || !/[\u4e00-\u9fff]/.test(value)) return;
      checked++;
      const overrides = kids(node, "Override");
      const trad = ["zh-TW", "zh-HK", "zh-MO"].map((locale) => {
        const o = overrides.filter((x) => attr(x, "Locale") === locale);
        expect({ locale, count: o.length }).toEqual({ locale, count: 1 });
        return attr(o[0], "Value")!;
      });
      expect(new Set(trad).size).toBe(1);
      expect(simplifiedOnlyInDefaults.test(value)).toBe(true);
      expect({ value: trad[0], simplified: simplifiedOnly.test(trad[0]) }).toEqual({
        value: trad[0],
        simplified: false,
      });
      // the same digits, punctuation and product words: 12345 stays 12345
      expect(trad[0].replace(/[^0-9]/g, "")).toBe(value.replace(/[^0-9]/g, ""));
      // zh-CN and zh-SG use the default itself
      expect(overrides.some((o) => ["zh-CN", "zh-SG"].includes(attr(o, "Locale")!))).toBe(false);
    });
    expect(checked).toBe(7);
  });

  test("SupportUrl is a support page of its own, shipped in the build", () => {
    const url = attr(kid(app, "SupportUrl"), "DefaultValue")!;
    expect(url).toBe(`${DEV_URL}support.html`);
    expect(url).not.toBe(attr(kid(kid(app, "DefaultSettings"), "SourceLocation"), "DefaultValue"));
    const page = readFileSync(path.join(ROOT, "src/taskpane/support.html"), "utf8");
    expect(page).toContain("Office 2019");
    expect(page).toContain("file mode");
    expect(readFileSync(path.join(ROOT, "webpack.config.js"), "utf8")).toContain(
      'to: "support.html"'
    );
  });

  test("Excel only (Workbook), ReadWriteDocument", () => {
    expect(kids(kid(app, "Hosts"), "Host").map((h) => attr(h, "Name"))).toEqual(["Workbook"]);
    expect(text(kid(app, "Permissions"))).toBe("ReadWriteDocument");
  });

  test("requires an ExcelApi set with a DefaultMinVersion", () => {
    const sets = kid(kid(app, "Requirements"), "Sets");
    expect(attr(sets, "DefaultMinVersion")).toMatch(/^\d+\.\d+$/);
    const excel = kids(sets, "Set").filter((s) => attr(s, "Name") === "ExcelApi");
    expect(excel).toHaveLength(1);
    expect(attr(excel[0], "MinVersion")).toMatch(/^1\.\d+$/);
  });

  test("ExcelApi MinVersion equals REQUIRED_EXCEL_API from src/excel/", () => {
    const sets = kid(kid(app, "Requirements"), "Sets");
    const excel = kids(sets, "Set").find((s) => attr(s, "Name") === "ExcelApi");
    expect(REQUIRED_EXCEL_API).toMatch(/^1\.\d+$/);
    expect(attr(excel, "MinVersion")).toBe(REQUIRED_EXCEL_API);
  });

  test("the task pane is taskpane.html on the dev server", () => {
    const source = kid(kid(app, "DefaultSettings"), "SourceLocation");
    expect(attr(source, "DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("every URL is https, and on the dev server (which the production build rewrites)", () => {
    // namespace declarations are names, not addresses
    const namespaces = new Set([...xml.matchAll(/xmlns(?::\w+)?="([^"]+)"/g)].map((m) => m[1]));
    expect(namespaces.size).toBeGreaterThanOrEqual(4);
    const urls: string[] = [];
    walk(app, "OfficeApp", (node, tag) => {
      for (const value of Object.values(node.$ ?? {})) {
        if (value.includes("://") && !namespaces.has(value)) urls.push(value);
      }
      if (tag === "AppDomain" || text(node).includes("://")) urls.push(text(node));
    });
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      expect(url.startsWith(DEV_URL) || url === DEV_URL.slice(0, -1)).toBe(true);
    }
    for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
      expect(attr(kid(app, name), "DefaultValue")).toMatch(/^https:\/\//);
    }
    expect(kids(kid(app, "AppDomains"), "AppDomain").map(text)).toEqual([DEV_URL.slice(0, -1)]);
  });

  test("a button 接诉即办考核 (en-US: Contract check) on the Home tab opens the task pane", () => {
    const overrides = kid(app, "VersionOverrides");
    expect(attr(overrides, "type")).toBe("VersionOverridesV1_0");
    const hosts = kids(kid(overrides, "Hosts"), "Host");
    expect(hosts.map((h) => attr(h, "type"))).toEqual(["Workbook"]);
    const desktop = kid(hosts[0], "DesktopFormFactor");
    const point = kids(desktop, "ExtensionPoint").find(
      (e) => attr(e, "type") === "PrimaryCommandSurface"
    );
    const tab = kids(point, "OfficeTab").find((t) => attr(t, "id") === "TabHome");
    expect(tab).toBeDefined();
    const res = resources();
    const buttons = kids(tab, "Group").flatMap((g) =>
      kids(g, "Control").filter((c) => attr(c, "type") === "Button")
    );
    expect(buttons).toHaveLength(1);
    const button = buttons[0];
    const label = res.get(attr(kid(button, "Label"), "resid") ?? "");
    expect(label?.kind).toBe("ShortStrings");
    expect(label?.value).toBe("接诉即办考核");
    expect(label?.enUS).toBe("Contract check");
    const action = kid(button, "Action");
    expect(attr(action, "type")).toBe("ShowTaskpane");
    expect(text(kid(action, "TaskpaneId")).length).toBeGreaterThan(0);
    const url = res.get(attr(kid(action, "SourceLocation"), "resid") ?? "");
    expect(url?.kind).toBe("Urls");
    expect(url?.value).toBe(`${DEV_URL}taskpane.html`);
    expect(url?.enUS).toBe(`${DEV_URL}taskpane.html`);
    // group and button: 16, 32 and 80 px icons
    for (const owner of [...kids(tab, "Group"), button]) {
      const sizes = kids(kid(owner, "Icon"), "Image").map((i) => attr(i, "size"));
      expect(sizes).toEqual(["16", "32", "80"]);
    }
  });

  test("every resid names a resource of the right kind; every resource has an en-US override", () => {
    const res = resources();
    const kindOf: Record<string, string> = {
      Image: "Images",
      SourceLocation: "Urls",
      LearnMoreUrl: "Urls",
      FunctionFile: "Urls",
      Label: "ShortStrings",
      Title: "ShortStrings",
      Description: "LongStrings",
    };
    let referenced = 0;
    walk(kid(kid(app, "VersionOverrides"), "Hosts"), "Hosts", (node, tag) => {
      const resid = attr(node, "resid");
      if (resid === undefined) return;
      referenced++;
      expect(resid.length).toBeLessThanOrEqual(32);
      expect({ resid, kind: res.get(resid)?.kind }).toEqual({ resid, kind: kindOf[tag] });
    });
    expect(referenced).toBeGreaterThan(10);
    for (const [id, r] of res) {
      expect(id.length).toBeLessThanOrEqual(32);
      expect({ id, enUS: Boolean(r.enUS) }).toEqual({ id, enUS: true });
      const max = r.kind === "ShortStrings" ? 125 : r.kind === "LongStrings" ? 250 : 2048;
      expect(r.value.length).toBeLessThanOrEqual(max);
      expect((r.enUS ?? "").length).toBeLessThanOrEqual(max);
    }
  });

  test("every icon URL is a PNG in assets/ of the size it is used at", () => {
    const res = resources();
    const icons: { url: string; size: number }[] = [
      { url: attr(kid(app, "IconUrl"), "DefaultValue") ?? "", size: 32 },
      { url: attr(kid(app, "HighResolutionIconUrl"), "DefaultValue") ?? "", size: 64 },
    ];
    walk(kid(kid(app, "VersionOverrides"), "Hosts"), "Hosts", (node, tag) => {
      if (tag !== "Image") return;
      const r = res.get(attr(node, "resid") ?? "");
      const size = Number(attr(node, "size"));
      icons.push({ url: r?.value ?? "", size }, { url: r?.enUS ?? "", size });
    });
    for (const [, r] of res) if (r.kind === "Images") expect(r.value).toBe(r.enUS);
    expect(icons.length).toBeGreaterThanOrEqual(8);
    for (const { url, size } of icons) {
      const file = assetFile(url);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  test("assets/ holds the 16, 32, 64, 80 and 128 px icons", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });
});

describe("webpack's copy of the manifest", () => {
  interface CopyPattern {
    from: string;
    transform?: (content: Buffer) => Buffer | string;
  }
  type Config = { plugins: { patterns?: CopyPattern[] }[]; devServer: { port: number } };

  async function manifestTransform(
    mode: string,
    addinUrl: string | undefined
  ): Promise<(x: string) => string> {
    const saved = process.env.ADDIN_URL;
    if (addinUrl === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = addinUrl;
    try {
      const factory = require("../webpack.config.js") as (
        env: object,
        argv: object
      ) => Promise<Config>;
      const config = await factory({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode });
      expect(config.devServer.port).toBe(3000);
      const pattern = config.plugins
        .flatMap((p) => p.patterns ?? [])
        .find((p) => p.from === "manifest*.xml");
      expect(pattern?.transform).toBeDefined();
      return (x) => pattern!.transform!(Buffer.from(x)).toString();
    } finally {
      if (saved === undefined) delete process.env.ADDIN_URL;
      else process.env.ADDIN_URL = saved;
    }
  }

  test("production with ADDIN_URL: every address moves there, the AppDomain to its origin", async () => {
    const transform = await manifestTransform(
      "production",
      "https://addins.example.gov.cn/hotline"
    );
    const out = transform(xml);
    expect(out).not.toMatch(/\/\/localhost/);
    const prod = await parse(out);
    expect(attr(kid(kid(prod, "DefaultSettings"), "SourceLocation"), "DefaultValue")).toBe(
      "https://addins.example.gov.cn/hotline/taskpane.html"
    );
    expect(attr(kid(prod, "IconUrl"), "DefaultValue")).toBe(
      "https://addins.example.gov.cn/hotline/assets/icon-32.png"
    );
    expect(kids(kid(prod, "AppDomains"), "AppDomain").map(text)).toEqual([
      "https://addins.example.gov.cn",
    ]);
    expect(text(kid(prod, "Id"))).toBe(text(kid(app, "Id")));
  });

  test("production without ADDIN_URL and development keep the manifest as it is", async () => {
    expect((await manifestTransform("production", undefined))(xml)).toBe(xml);
    expect((await manifestTransform("development", "https://addins.example.gov.cn/"))(xml)).toBe(
      xml
    );
  });

  test("an ADDIN_URL that is not https is refused", async () => {
    await expect(manifestTransform("production", "http://addins.example.gov.cn/")).rejects.toThrow(
      /https/
    );
  });
});
