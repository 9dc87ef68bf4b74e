#!/usr/bin/env node
// store-union.js: times SPARQL queries in Oxigraph (the npm package that
// ../shared/tools/oxigraph-load installs) over one RDF file, to compare a union default graph
// (N-Quads, one graph per article) with the plain default graph (N-Triples of the same run).
//
//   node bench/store-union.js [--union] [--repeat N] FILE QUERY.rq...
//
// Prints TSV on stdout: "load FILE QUADS CPU_S WALL_S", then per query
// "query NAME ROWS CPU_S WALL_S" (the fastest of N runs, default 3; a query slower than 30 s
// runs once). CPU time is the process's own (user + system), so a busy machine inflates it
// less than the wall clock. Needs oxigraph-load to have installed oxigraph once
// (OXIGRAPH_LOAD_CACHE or ~/.cache/parley-oxigraph).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function findOxigraph() {
  const roots = [];
  if (process.env.OXIGRAPH_LOAD_CACHE) roots.push(process.env.OXIGRAPH_LOAD_CACHE);
  const base = process.env.XDG_CACHE_HOME || (process.env.HOME && path.join(process.env.HOME, '.cache'));
  if (base) roots.push(path.join(base, 'parley-oxigraph'));
  roots.push(path.join(os.tmpdir(), 'parley-oxigraph-' + process.getuid()));
  for (const r of roots) {
    if (!fs.existsSync(r)) continue;
    for (const d of fs.readdirSync(r).sort().reverse()) {
      const m = path.join(r, d, 'node_modules', 'oxigraph');
      if (fs.existsSync(m)) return require(m);
    }
  }
  throw new Error('oxigraph not found: run ../shared/tools/oxigraph-load --help once to install it');
}

function timed(f) {
  const c0 = process.cpuUsage(), w0 = process.hrtime.bigint();
  const v = f();
  const c = process.cpuUsage(c0), w = Number(process.hrtime.bigint() - w0) / 1e9;
  return { v, cpu: (c.user + c.system) / 1e6, wall: w };
}

const args = process.argv.slice(2);
let union = false, repeat = 3;
while (args.length && args[0].startsWith('--')) {
  const a = args.shift();
  if (a === '--union') union = true;
  else if (a === '--repeat') repeat = Number(args.shift());
  else { console.error('unknown option ' + a); process.exit(2); }
}
if (args.length < 2) { console.error('usage: store-union.js [--union] [--repeat N] FILE QUERY.rq...'); process.exit(2); }
const ox = findOxigraph();
const file = args.shift();
const format = { '.nq': 'nq', '.nt': 'nt', '.ttl': 'ttl', '.trig': 'trig' }[path.extname(file)];
const store = new ox.Store();
const data = fs.readFileSync(file);
const load = timed(() => store.load(data, { format }));
console.log(['load', path.basename(file), store.size, load.cpu.toFixed(2), load.wall.toFixed(2)].join('\t'));
for (const q of args) {
  const text = fs.readFileSync(q, 'utf8');
  let best = null;
  for (let i = 0; i < repeat; ++i) {
    const r = timed(() => store.query(text, { use_default_graph_as_union: union }));
    if (!best || r.cpu < best.cpu) best = r;
    if (r.wall > 30) break;
  }
  const rows = Array.isArray(best.v) ? best.v.length : (best.v ? 1 : 0);
  console.log(['query', path.basename(q, '.rq'), rows, best.cpu.toFixed(3), best.wall.toFixed(3)].join('\t'));
}
