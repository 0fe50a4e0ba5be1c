// Validates the published Aspire manifest and Kubernetes manifests against the published JSON schemas.
// Usage: node validate-schemas.mjs SCHEMAS_DIR MANIFEST K8S_DIR   (modules resolved through NODE_PATH)
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_PATH ?? process.cwd(), 'noop.js'));
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const YAML = require('yaml');

const [schemasDir, manifestPath, k8sDir] = process.argv.slice(2);
const failures = [];

const aspire = new Ajv({ strict: false, allErrors: true });
const validateManifest = aspire.compile(JSON.parse(fs.readFileSync(path.join(schemasDir, 'aspire', 'aspire-8.0.json'), 'utf8')));
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
if (!validateManifest(manifest)) failures.push(`aspire-manifest.json: ${aspire.errorsText(validateManifest.errors)}`);
const documented = new Set(['project.v0', 'container.v0', 'container.v1', 'executable.v0', 'parameter.v0', 'value.v0', 'dockerfile.v0']);
for (const [name, resource] of Object.entries(manifest.resources)) {
  if (!documented.has(resource.type)) failures.push(`aspire-manifest.json: ${name} has undocumented type ${resource.type}`);
}

const k8sSchemas = path.join(schemasDir, 'k8s', fs.readdirSync(path.join(schemasDir, 'k8s')).find(d => d.includes('strict')));
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addVocabulary(['x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type',
  'x-kubernetes-patch-strategy', 'x-kubernetes-patch-merge-key', 'x-kubernetes-unions', 'x-kubernetes-group-version-kind',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource']);
const schemaFor = {
  'v1/ConfigMap': 'configmap-v1.json', 'v1/Secret': 'secret-v1.json', 'v1/Service': 'service-v1.json',
  'apps/v1/Deployment': 'deployment-apps-v1.json', 'apps/v1/StatefulSet': 'statefulset-apps-v1.json',
  'autoscaling/v2/HorizontalPodAutoscaler': 'horizontalpodautoscaler-autoscaling-v2.json',
};
const validators = {};
let documents = 0;
for (const file of fs.readdirSync(k8sDir).filter(f => f.endsWith('.yaml')).sort()) {
  for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(k8sDir, file), 'utf8'))) {
    if (doc.errors.length) { failures.push(`${file}: ${doc.errors[0].message}`); continue; }
    const object = doc.toJSON();
    const key = `${object.apiVersion}/${object.kind}`;
    const schemaFile = schemaFor[key];
    if (!schemaFile) { failures.push(`${file}: no schema for ${key}`); continue; }
    validators[key] ??= ajv.compile(JSON.parse(fs.readFileSync(path.join(k8sSchemas, schemaFile), 'utf8')));
    if (!validators[key](object)) failures.push(`${file} ${key} ${object.metadata?.name}: ${ajv.errorsText(validators[key].errors)}`);
    documents++;
  }
}
if (failures.length) { console.error(failures.join('\n')); process.exit(1); }
console.log(`valid: aspire manifest with ${Object.keys(manifest.resources).length} resources, ${documents} Kubernetes documents`);
