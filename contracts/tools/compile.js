#!/usr/bin/env node
// Compiles zktreasury's Solidity sources with the pinned solc-js and writes one artifact per
// deployable contract: <out>/<Name>.json = {"abi": [...], "bin": "0x..."}.
//
// Usage:
//   node tools/compile.js                         # src/**/*.sol and verifiers/*.sol -> build/
//   node tools/compile.js --out DIR [--src DIR]... [--verifiers DIR]...
//
// Contracts under a --src directory (searched recursively) are named by their contract name.
// Each file in a --verifiers directory must hold exactly one deployable contract and is named
// by its file stem, because gnark names every exported Groth16 verifier "Verifier" and every
// PLONK verifier "PlonkVerifier": verifiers/SolvencyVerifier.sol -> SolvencyVerifier.json.
//
// Source keys given to solc are "src/<rel>" and "verifiers/<rel>" whatever the directory's real
// location, so the metadata hash at the end of the bytecode, and so the artifacts, depend only
// on the sources' contents and relative paths.
'use strict';

const fs = require('fs');
const path = require('path');

const SOLC_VERSION = '0.8.37';
// Cancun: the newest fork that every target we run on has (go-ethereum's simulated backend,
// geth --dev, and today's L1/L2s), and the one gnark's verifiers are tested against.
const EVM_VERSION = 'cancun';
const OPTIMIZER_RUNS = 200;

const contractsDir = path.resolve(__dirname, '..');

function fail(msg) {
  process.stderr.write(`compile: ${msg}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { out: null, src: [], verifiers: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a directory argument`);
      return path.resolve(argv[++i]);
    };
    switch (a) {
      case '--out': opts.out = next(); break;
      case '--src': opts.src.push(next()); break;
      case '--verifiers': opts.verifiers.push(next()); break;
      case '-h':
      case '--help':
        process.stdout.write('usage: node tools/compile.js [--out DIR] [--src DIR]... [--verifiers DIR]...\n');
        process.exit(0);
        break;
      default:
        fail(`unknown argument ${JSON.stringify(a)}; usage: node tools/compile.js [--out DIR] [--src DIR]... [--verifiers DIR]...`);
    }
  }
  const defaults = opts.src.length === 0 && opts.verifiers.length === 0;
  if (defaults) {
    opts.src.push(path.join(contractsDir, 'src'));
    const v = path.join(contractsDir, 'verifiers');
    if (fs.existsSync(v)) opts.verifiers.push(v);
  }
  if (opts.out === null) opts.out = path.join(contractsDir, 'build');
  // Stale artifacts are removed only from the default build directory, which this script owns.
  opts.clean = opts.out === path.join(contractsDir, 'build');
  return opts;
}

function listSol(dir, recursive) {
  if (!fs.existsSync(dir)) fail(`source directory ${dir} does not exist`);
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (recursive) out.push(...listSol(p, true));
    } else if (e.isFile() && e.name.endsWith('.sol')) {
      out.push(p);
    }
  }
  return out.sort();
}

function main() {
  const opts = parseArgs(process.argv.slice(2));

  let solc;
  try {
    solc = require('solc');
  } catch (e) {
    fail(`solc-js is not installed (${e.message}); run \`npm ci --prefix contracts\``);
  }
  const version = solc.version();
  if (!version.startsWith(SOLC_VERSION + '+')) {
    fail(`solc-js ${version} is installed, want ${SOLC_VERSION}; run \`npm ci --prefix contracts\``);
  }

  // key -> {file, kind}
  const units = new Map();
  const roots = new Map(); // key prefix -> real directory, for the import callback
  const add = (dir, prefix, kind, recursive) => {
    roots.set(prefix, dir);
    for (const file of listSol(dir, recursive)) {
      const key = prefix + '/' + path.relative(dir, file).split(path.sep).join('/');
      if (units.has(key)) fail(`two sources map to ${key}: ${units.get(key).file} and ${file}`);
      units.set(key, { file, kind });
    }
  };
  for (const d of opts.src) add(d, 'src', 'src', true);
  for (const d of opts.verifiers) add(d, 'verifiers', 'verifier', false);
  if (units.size === 0) fail('no .sol files found');

  const sources = {};
  for (const [key, u] of [...units.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    sources[key] = { content: fs.readFileSync(u.file, 'utf8') };
  }

  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: OPTIMIZER_RUNS },
      evmVersion: EVM_VERSION,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };

  const findImports = (importPath) => {
    const slash = importPath.indexOf('/');
    const root = slash > 0 ? roots.get(importPath.slice(0, slash)) : undefined;
    if (root === undefined) return { error: `import ${importPath} is outside src/ and verifiers/` };
    const file = path.join(root, importPath.slice(slash + 1));
    try {
      return { contents: fs.readFileSync(file, 'utf8') };
    } catch (e) {
      return { error: `cannot read ${file}: ${e.message}` };
    }
  };

  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

  const errors = (output.errors || []).filter((e) => e.severity === 'error');
  for (const e of output.errors || []) {
    if (e.severity !== 'error') process.stderr.write(e.formattedMessage || e.message);
  }
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write((e.formattedMessage || e.message) + '\n');
    fail(`${errors.length} error(s) from solc ${version}`);
  }

  const artifacts = new Map(); // name -> {abi, bin, key}
  for (const key of Object.keys(output.contracts || {}).sort()) {
    const u = units.get(key);
    if (u === undefined) continue; // an imported file outside the compiled set
    const deployable = Object.keys(output.contracts[key])
      .sort()
      .filter((name) => output.contracts[key][name].evm.bytecode.object.length > 0);
    if (u.kind === 'verifier') {
      if (deployable.length !== 1) {
        fail(`${key} must hold exactly one deployable contract, found ${deployable.length} (${deployable.join(', ')})`);
      }
    }
    for (const cname of deployable) {
      const name = u.kind === 'verifier' ? path.basename(key, '.sol') : cname;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(`artifact name ${JSON.stringify(name)} from ${key} is not an identifier`);
      if (artifacts.has(name)) fail(`two contracts would both write ${name}.json: ${artifacts.get(name).key} and ${key}`);
      const c = output.contracts[key][cname];
      artifacts.set(name, { abi: c.abi, bin: '0x' + c.evm.bytecode.object, key });
    }
  }
  if (artifacts.size === 0) fail('no deployable contract in the sources');

  fs.mkdirSync(opts.out, { recursive: true });
  const written = new Set();
  for (const name of [...artifacts.keys()].sort()) {
    const a = artifacts.get(name);
    const file = path.join(opts.out, name + '.json');
    const tmp = path.join(opts.out, `.${name}.json.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify({ abi: a.abi, bin: a.bin }, null, 2) + '\n');
    fs.renameSync(tmp, file);
    written.add(name + '.json');
  }
  if (opts.clean) {
    for (const f of fs.readdirSync(opts.out)) {
      if (f.endsWith('.json') && !written.has(f)) fs.unlinkSync(path.join(opts.out, f));
    }
  }
  process.stderr.write(`compile: solc ${version}, ${artifacts.size} contract(s) -> ${path.relative(process.cwd(), opts.out) || '.'}\n`);
}

main();
