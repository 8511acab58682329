// Compiles one Solidity file with solc-js (standard JSON) and writes {contracts: {Name: {abi, bytecode}}, warnings}.
// Usage: node compile.js <source.sol> <out.json>. Run with NODE_PATH pointing at the node_modules that hold solc.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [source, out] = process.argv.slice(2);
if (!source || !out) {
  console.error('usage: node compile.js <source.sol> <out.json>');
  process.exit(2);
}

const name = path.basename(source);
const input = {
  language: 'Solidity',
  sources: { [name]: { content: fs.readFileSync(source, 'utf8') } },
  settings: {
    // Pinned instead of solc's default (osaka) so the same bytecode also deploys to chains that lag behind, such as Arbitrum.
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const problems = output.errors || [];
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}

const contracts = {};
for (const [contractName, compiled] of Object.entries(output.contracts[name] || {})) {
  contracts[contractName] = { abi: compiled.abi, bytecode: compiled.evm.bytecode.object };
}
const result = { compiler: solc.version(), contracts, warnings: problems.map((p) => p.formattedMessage) };
fs.writeFileSync(out, JSON.stringify(result, null, 1));
