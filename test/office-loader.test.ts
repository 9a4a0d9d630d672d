/** @jest-environment jsdom */
// whenOfficeReady with a fake global Office: every way office.js can answer, fail or stay silent,
// on fake timers (nothing here waits in real time). And taskpane.html's office.js tag.
import { readFileSync } from "fs";
import path from "path";
import {
  DEFAULT_OFFICE_TIMEOUT_MS,
  OfficeReady,
  insideOffice,
  whenOfficeReady,
} from "../src/taskpane/office-loader";

type OnReady = (callback?: (info: { host: unknown }) => void) => unknown;

const scope = globalThis as unknown as { Office?: unknown; __officeLoadFailed?: boolean };

function setOffice(onReady: OnReady | undefined): void {
  scope.Office = onReady ? { onReady } : {};
}

/** The promise's state after letting microtasks and timers up to `ms` run. */
async function stateAfter(
  promise: Promise<OfficeReady>,
  ms: number
): Promise<OfficeReady | "pending"> {
  let value: OfficeReady | "pending" = "pending";
  promise.then((v) => (value = v));
  await jest.advanceTimersByTimeAsync(ms);
  return value;
}

beforeEach(() => {
  jest.useFakeTimers();
  delete scope.Office;
  delete scope.__officeLoadFailed;
});

afterEach(() => {
  jest.useRealTimers();
  delete scope.Office;
  delete scope.__officeLoadFailed;
});

describe("whenOfficeReady", () => {
  test("Excel through the onReady callback", async () => {
    setOffice((cb) => {
      cb?.({ host: "Excel" });
      return undefined;
    });
    expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: "excel" });
  });

  test("Excel through the promise onReady returns (no callback call)", async () => {
    setOffice(() => Promise.resolve({ host: "Excel", platform: "PC" }));
    expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: "excel" });
  });

  test("Excel reported later, before the timeout", async () => {
    setOffice((cb) => {
      setTimeout(() => cb?.({ host: "Excel" }), 1500);
      return new Promise(() => undefined);
    });
    const ready = whenOfficeReady();
    expect(await stateAfter(ready, 1499)).toBe("pending");
    expect(await stateAfter(ready, 1)).toEqual({ host: "excel" });
  });

  test("no host (office.js in a plain browser)", async () => {
    setOffice((cb) => {
      cb?.({ host: null });
      return Promise.resolve({ host: null, platform: null });
    });
    expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: null });
  });

  test("another host is not Excel", async () => {
    setOffice(() => Promise.resolve({ host: "Word" }));
    expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: null });
  });

  test("office.js failed to load: resolves at once, not at the timeout", async () => {
    scope.__officeLoadFailed = true;
    expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: null });
  });

  test("onReady never answers: null exactly at the timeout", async () => {
    setOffice(() => new Promise(() => undefined));
    const ready = whenOfficeReady(1000);
    expect(await stateAfter(ready, 999)).toBe("pending");
    expect(await stateAfter(ready, 1)).toEqual({ host: null });
  });

  test("the default timeout is 4000 ms", async () => {
    expect(DEFAULT_OFFICE_TIMEOUT_MS).toBe(4000);
    const ready = whenOfficeReady(); // neither Office nor the failure flag
    expect(await stateAfter(ready, 3999)).toBe("pending");
    expect(await stateAfter(ready, 1)).toEqual({ host: null });
  });

  test.each([Number.NaN, -1, Number.POSITIVE_INFINITY])(
    "timeout %p means the default",
    async (t) => {
      const ready = whenOfficeReady(t);
      expect(await stateAfter(ready, 3999)).toBe("pending");
      expect(await stateAfter(ready, 1)).toEqual({ host: null });
    }
  );

  test("office.js evaluated after the pane started: picked up by polling", async () => {
    const ready = whenOfficeReady();
    expect(await stateAfter(ready, 200)).toBe("pending");
    setOffice(() => Promise.resolve({ host: "Excel" }));
    expect(await stateAfter(ready, 100)).toEqual({ host: "excel" });
  });

  test("the failure flag set after the pane started", async () => {
    const ready = whenOfficeReady();
    expect(await stateAfter(ready, 100)).toBe("pending");
    scope.__officeLoadFailed = true;
    expect(await stateAfter(ready, 100)).toEqual({ host: null });
  });

  test("Office without onReady: waits for the timeout", async () => {
    setOffice(undefined);
    const ready = whenOfficeReady(500);
    expect(await stateAfter(ready, 499)).toBe("pending");
    expect(await stateAfter(ready, 1)).toEqual({ host: null });
  });

  test("onReady throws", async () => {
    setOffice(() => {
      throw new Error("office.js broke");
    });
    expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: null });
  });

  test("onReady's promise rejects", async () => {
    setOffice(() => Promise.reject(new Error("no")));
    expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: null });
  });

  test("reading the Office global throws", async () => {
    Object.defineProperty(globalThis, "Office", {
      configurable: true,
      get() {
        throw new Error("blocked");
      },
    });
    try {
      expect(await stateAfter(whenOfficeReady(), 0)).toEqual({ host: null });
    } finally {
      Object.defineProperty(globalThis, "Office", {
        configurable: true,
        writable: true,
        value: undefined,
      });
    }
  });

  test("an answer after the timeout changes nothing and throws nothing", async () => {
    let late: ((info: { host: unknown }) => void) | undefined;
    setOffice((cb) => {
      late = cb;
      return undefined;
    });
    const ready = whenOfficeReady(100);
    expect(await stateAfter(ready, 100)).toEqual({ host: null });
    expect(() => late?.({ host: "Excel" })).not.toThrow();
    expect(await ready).toEqual({ host: null });
  });

  test("callback and promise both answering resolve once", async () => {
    const calls: OfficeReady[] = [];
    setOffice((cb) => {
      cb?.({ host: "Excel" });
      return Promise.resolve({ host: null });
    });
    const ready = whenOfficeReady();
    ready.then((v) => calls.push(v));
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([{ host: "excel" }]);
  });

  test("leaves no timer running once settled", async () => {
    setOffice(() => Promise.resolve({ host: "Excel" }));
    await stateAfter(whenOfficeReady(), 0);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("taskpane.html", () => {
  const html = readFileSync(path.join(__dirname, "..", "src", "taskpane", "taskpane.html"), "utf8");
  const doc = new DOMParser().parseFromString(html, "text/html");

  test("Chinese page with charset, viewport and the React container", () => {
    expect(doc.documentElement.getAttribute("lang")).toBe("zh-CN");
    expect(doc.querySelector("meta[charset]")?.getAttribute("charset")?.toUpperCase()).toBe(
      "UTF-8"
    );
    expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(doc.getElementById("container")?.parentElement?.tagName).toBe("BODY");
  });

  test("office.js from Microsoft's CDN in <head>, after the watcher that sets the failure flag", () => {
    const scripts = [...doc.head.querySelectorAll("script")].map((s) => s.getAttribute("src"));
    const office = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    expect(scripts).toContain(office);
    // the watcher (office-watch.js, tested in old-client.test.ts) is registered before office.js
    expect(scripts.indexOf("office-watch.js")).toBeLessThan(scripts.indexOf(office));
    const tag = doc.head.querySelector(`script[src="${office}"]`);
    expect(tag?.hasAttribute("async") || tag?.hasAttribute("defer")).toBe(false);
    // no inline handler: the page's Content-Security-Policy would refuse it
    expect(tag?.hasAttribute("onerror")).toBe(false);
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")
    ).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  });
});

describe("inside Office (_host_Info in the address)", () => {
  test("insideOffice: only Office's parameter counts", () => {
    expect(insideOffice("?_host_Info=Excel$Win32$16.01$zh-CN$$$$0")).toBe(true);
    expect(insideOffice("?et=&_host_Info=Excel$Mac$16.00$en-US$$$$0")).toBe(true);
    expect(insideOffice("")).toBe(false);
    expect(insideOffice("?host_Info=x")).toBe(false);
  });

  test("an onReady that comes after the 4 s a browser waits is still taken inside Office", async () => {
    let ready: ((info: { host: unknown }) => void) | undefined;
    setOffice((cb) => {
      ready = cb;
      return undefined;
    });
    const p = whenOfficeReady(undefined, true);
    expect(await stateAfter(p, DEFAULT_OFFICE_TIMEOUT_MS + 5000)).toBe("pending");
    ready?.({ host: "Excel" });
    expect(await stateAfter(p, 0)).toEqual({ host: "excel" });
  });

  test("the same late onReady in a plain browser: file mode at 4 s", async () => {
    setOffice(() => undefined);
    expect(await stateAfter(whenOfficeReady(), DEFAULT_OFFICE_TIMEOUT_MS)).toEqual({ host: null });
  });
});
