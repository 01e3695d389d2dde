// The synthetic article the benchmarks analyze: seed paragraphs repeated to any size, with people renamed per copy.
const FIRST = ['Anna', 'Mevlüt', 'Zoë', 'Levan', 'Grace', 'Pieter', 'Olga', 'Jürg', 'Nino', 'Tomás', 'Aigerim', 'Hamid'];
const LAST = ['Kowalska', 'Çavuşoğlu', 'Müller', 'Beridze', 'Mwangi', 'de Vries', 'Petrova', 'Baumann', 'Gelashvili',
  'Ortega', 'Nurlanova', 'Karimi', 'Horvat'];

/** Seed paragraphs repeated until `bytes`, each copy with its people renamed, so names vary as in a real corpus. */
export function syntheticArticle(seeds: string[], bytes: number): string {
  const paragraphs = seeds.flatMap((s) => s.split(/\r?\n/)).filter((line) => line.length > 80 && !line.startsWith('<'));
  const people = [['Sergei', 'Lavrov'], ['Vasily', 'Nebenzya'], ['Mevlut', 'Cavusoglu'], ['Recep Tayyip', 'Erdogan']];
  const parts = ['# Synthetic article for benchmarking\n\nBy [AFP](#)\n\nOctober 01, 2020\n'];
  let size = Buffer.byteLength(parts[0]);
  for (let i = 0; size < bytes; i++) {
    let paragraph = paragraphs[i % paragraphs.length];
    people.forEach(([first, last], k) => {
      const newFirst = FIRST[(i + k * 5) % FIRST.length];
      const newLast = LAST[(i * 7 + k * 3) % LAST.length];
      paragraph = paragraph.split(`${first} ${last}`).join(`${newFirst} ${newLast}`).split(last).join(newLast);
    });
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return parts.join('\n\n') + '\n';
}
