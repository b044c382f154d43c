// Where the bytes of a wasm module go, per crate (and per module of our own
// crates): read from the module's code and data sections and its "name"
// section, so no other tool is needed.
//
// Why: a size regression is only fixable once it has a name. The shipped
// modules have no names (wasm-opt drops them), so scripts/split-wasm.mjs runs
// this on every module before wasm-opt, and writes the result next to cargo's
// output, where scripts/budget.mjs prints it beside the brotli sizes of the
// same build. Figures are bytes of function bodies before wasm-opt; wasm-opt
// -Oz and brotli shrink every owner, not all by the same factor.

/** Crates whose modules are listed one by one (`enduse::ruleset`). */
const OWN = new Set(["enduse", "enduse_web"]);

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function name(bytes, at) {
  const [len, start] = leb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + len)), start + len];
}

/** `enduse::ruleset::load::load::h…`, `_ZN6enduse7ruleset…E`, `<serde_json::… as …>::f` → owner. */
export function owner(symbol) {
  let path;
  if (symbol.startsWith("__wasm_split_")) return "(split-point glue)";
  if (symbol.startsWith("_R")) {
    // v0 mangling: the first crate root is `C<disambiguator>_<len><name>`.
    const m = /C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(symbol);
    if (m) {
      const start = m.index + m[0].length;
      const crate = symbol.slice(start, start + Number(m[1]));
      const rest = symbol.slice(start + Number(m[1]));
      const module = /^(\d+)/.exec(rest.replace(/^[^\d]*/, ""));
      path = [crate];
      if (module) {
        const at = rest.indexOf(module[1]) + module[1].length;
        path.push(rest.slice(at, at + Number(module[1])));
      }
    } else path = [];
  } else if (symbol.startsWith("_ZN")) {
    path = [];
    let rest = symbol.slice(3);
    for (let m = /^(\d+)/.exec(rest); m && path.length < 2; m = /^(\d+)/.exec(rest)) {
      const n = Number(m[1]);
      path.push(rest.slice(m[1].length, m[1].length + n));
      rest = rest.slice(m[1].length + n);
    }
    // Legacy mangling escapes `<` and friends: `_$LT$serde_json..de..`.
    if (path[0]?.startsWith("_$LT$")) {
      let inner = path[0].slice(5).replace(/^(?:\$RF\$|\$BP\$|mut\$u20\$|dyn\$u20\$)+/, "");
      // `<T as tachys..view..IntoAny>`: a generic T says nothing; the trait's crate does.
      const generic = /^[A-Z][A-Za-z0-9]*\$u20\$as\$u20\$(.*)$/.exec(inner);
      if (generic) inner = generic[1];
      path = inner.split("..").concat(path.slice(1));
    }
  } else {
    // `<T as alloc::Trait>::f` for a generic T: the trait's crate.
    const generic = /^<[&*]*(?:mut |const |dyn )?([A-Z][A-Za-z0-9]*) as ([^>]+)>/.exec(symbol);
    if (generic && !generic[1].includes("::")) symbol = generic[2];
    path = symbol.replace(/^[<&*\s]+|^(?:dyn|impl|mut|const)\s+/g, "").replace(/^[<&*\s]+/, "").split("::");
  }
  const crate = (path[0] ?? "").replace(/[^A-Za-z0-9_].*$/, "") || "(unnamed)";
  if (OWN.has(crate) && path[1] && /^[a-z_][a-z0-9_]*$/.test(path[1])) return `${crate}::${path[1]}`;
  return crate;
}

/**
 * Bytes per owner of one module: `{ total, code, data, owners: [[owner, bytes], …] }`,
 * largest first. Function bodies without a name count as "(unnamed)".
 */
export function sizeByOwner(buffer) {
  const bytes = new Uint8Array(buffer);
  let at = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (id === 2) {
      let [count, p] = leb(bytes, start);
      for (; count > 0; count--) {
        [, p] = name(bytes, p);
        [, p] = name(bytes, p);
        const kind = bytes[p++];
        if (kind === 0) {
          [, p] = leb(bytes, p);
          imported++;
        } else if (kind === 1) {
          p++; // reftype
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 3) {
          p += 2;
        } else {
          [, p] = leb(bytes, p); // tag
          [, p] = leb(bytes, p);
        }
      }
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (; count > 0; count--) {
        const [len, body] = leb(bytes, p);
        bodies.push(len + (body - p));
        p = body + len;
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      const [section, p0] = name(bytes, start);
      if (section === "name") {
        let p = p0;
        while (p < end) {
          const sub = bytes[p];
          const [len, q] = leb(bytes, p + 1);
          if (sub === 1) {
            let [count, r] = leb(bytes, q);
            for (; count > 0; count--) {
              let index;
              let symbol;
              [index, r] = leb(bytes, r);
              [symbol, r] = name(bytes, r);
              names.set(index, symbol);
            }
          }
          p = q + len;
        }
      }
    }
    at = end;
  }
  const owners = new Map();
  let code = 0;
  bodies.forEach((len, i) => {
    const symbol = names.get(imported + i);
    const who = symbol ? owner(symbol) : "(unnamed)";
    owners.set(who, (owners.get(who) ?? 0) + len);
    code += len;
  });
  if (data) owners.set("(data segments)", data);
  return { total: bytes.length, code, data, owners: [...owners].sort((a, b) => b[1] - a[1]) };
}
