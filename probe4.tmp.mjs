import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
const srv = spawn("node", ["tests/e2e/static-server.mjs", "dist", "8767"], { stdio: "ignore" });
await new Promise(r => setTimeout(r, 800));
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const path of ["/", "/assess"]) {
  const ctx = await b.newContext({ serviceWorkers: "block" });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await p.goto("http://127.0.0.1:8767" + path, { waitUntil: "networkidle" });
  await p.waitForTimeout(1000);
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map();
  const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  for (const [id, t] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop().slice(0,30)}`; self.set(k, (self.get(k) ?? 0) + t); }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, t]) => `${(t/1000).toFixed(1)}ms ${k}`);
  console.log(path); console.log(top.join("\n"));
  await ctx.close();
}
await b.close(); srv.kill();
