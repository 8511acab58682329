// Checks rendered Kubernetes YAML against the Kubernetes OpenAPI schemas (kubernetes-models' precompiled validators):
// wrong types, missing required fields and unknown kinds. Usage: node validate.mjs rendered.yaml...
// Prints one line per object, "OK" or the schema errors; exits 1 when any object is invalid.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const module = await import(`kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`);
  return module[kind];
}

let invalid = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (document.errors.length > 0) {
      console.log(`${file}: YAML error: ${document.errors[0].message}`);
      invalid++;
      continue;
    }
    const object = document.toJS();
    if (!object) continue;
    const name = `${object.apiVersion}/${object.kind} ${object.metadata?.name ?? '(no name)'}`;
    let Model;
    try {
      Model = await modelFor(object.apiVersion, object.kind);
    } catch {
      console.log(`${file}: ${name}: unknown kind`);
      invalid++;
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`${file}: ${name}: OK`);
    } catch (error) {
      const details = (error.errors ?? [error]).map((e) => `${e.instancePath ?? ''} ${e.message}`.trim());
      console.log(`${file}: ${name}: INVALID: ${details.join('; ')}`);
      invalid++;
    }
  }
}
process.exit(invalid > 0 ? 1 : 0);
