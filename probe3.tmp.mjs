import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
const srv = spawn("node", ["tests/e2e/static-server.mjs", "dist", "8766"], { stdio: "ignore" });
await new Promise(r => setTimeout(r, 800));
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const path of ["/", "/assess"]) {
  const ctx = await b.newContext({ serviceWorkers: "block" });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await p.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  });
  await p.goto("http://127.0.0.1:8766" + path, { waitUntil: "networkidle" });
  await p.waitForTimeout(1500);
  const lt = await p.evaluate(() => window.__lt);
  const res = await p.evaluate(() => performance.getEntriesByType("resource").filter(e => e.name.endsWith(".wasm")).map(e => [e.name.split("/").pop().slice(0, 28), Math.round(e.startTime), Math.round(e.responseEnd)]));
  console.log(path, "longtasks", JSON.stringify(lt), "TBT~", lt.reduce((a, [, d]) => a + Math.max(0, d - 50), 0));
  console.log(JSON.stringify(res));
  await ctx.close();
}
await b.close(); srv.kill();
