// Child process for the embedded directory's concurrency and crash tests: adds `count` contacts
// (forever when count is 0), printing "wrote <n>" after each.
import { EmbeddedDirectory } from '../directory/embedded-directory.js';

const [file, prefix, countText, container] = process.argv.slice(2);
const directory = new EmbeddedDirectory(file!);
const count = Number(countText);
for (let n = 1; count === 0 || n <= count; n++) {
  await directory.add({ dn: `CN=${prefix}-${n},${container}`, attributes: { objectClass: ['top', 'contact'], cn: [`${prefix}-${n}`], description: ['x'.repeat(200)] } });
  process.stdout.write(`wrote ${n}\n`);
}
