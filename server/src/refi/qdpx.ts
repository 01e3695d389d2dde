// The `.qdpx` archive: a zip holding `project.qde` and the source texts under `sources/` (written with yazl, read
// with yauzl). Reading keeps entries in memory; only project.qde and the sources it names are used.
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';
import { fromQde, QdeError, toQde } from './qde';
import type { QdaProject } from './project';

/** The archive's bytes for a project (its sources' texts are stored as UTF-8 files). */
export function writeQdpx(project: QdaProject): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // A fixed date keeps two exports of the same project byte-identical.
  const mtime = new Date(project.created);
  zip.addBuffer(Buffer.from(toQde(project), 'utf8'), 'project.qde', { mtime });
  for (const source of project.sources) zip.addBuffer(Buffer.from(source.text, 'utf8'), `sources/${source.internalName}`, { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Every entry of a zip as bytes, by name (nothing is written to disk, so entry names cannot escape a folder). */
export function zipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new QdeError(`not a zip archive (${err?.message ?? 'unreadable'})`));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The project in a .qdpx, with each source's text from `sources/` (or its inline PlainTextContent). */
export async function readQdpx(bytes: Buffer): Promise<QdaProject> {
  const entries = await zipEntries(bytes);
  const qde = entries.get('project.qde');
  if (!qde) throw new QdeError('the archive has no project.qde');
  const project = fromQde(qde.toString('utf8'));
  for (const source of project.sources as (QdaProject['sources'][number] & { plainTextContent?: string | null })[]) {
    const file = entries.get(`sources/${source.internalName}`);
    if (file) source.text = file.toString('utf8');
    else if (source.plainTextContent != null) source.text = source.plainTextContent;
    else throw new QdeError(`source "${source.name}" has no text in the archive (sources/${source.internalName})`);
  }
  return project;
}
