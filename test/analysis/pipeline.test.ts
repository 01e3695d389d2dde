// The declared pipeline: layers run in an order where each finds what it needs, and each adds what it declares.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PIPELINE, runPipeline, type AnnotationName } from '../../server/src/analysis/pipeline';
import { analyzeUtf16 } from '../../server/src/analysis/index';

const SEED = readFileSync(join(__dirname, '..', '..', 'seeds', '000_2ebd0813046cf1ef.txt'), 'utf8');

describe('analysis pipeline', () => {
  it('names each layer once', () => {
    const names = PIPELINE.map((l) => l.name);
    assert.deepEqual(names, [...new Set(names)]);
  });

  it('runs every layer after the layers that add what it needs', () => {
    const added = new Set<AnnotationName>();
    for (const layer of PIPELINE) {
      for (const need of layer.needs) assert.ok(added.has(need), `${layer.name} needs ${need} before any layer adds it`);
      for (const name of layer.adds) added.add(name);
    }
  });

  it('has each layer add exactly the annotations it declares', () => {
    PIPELINE.forEach((layer, i) => {
      const before = runPipeline(SEED, {}, PIPELINE.slice(0, i));
      const added = Object.keys(layer.run(before as Parameters<typeof layer.run>[0])).sort();
      assert.deepEqual(added, [...layer.adds].sort(), layer.name);
    });
  });

  it('gives analyze its result', () => {
    const doc = runPipeline(SEED, {});
    const a = analyzeUtf16(SEED);
    assert.deepEqual(doc.quotes, a.quotes);
    assert.deepEqual(doc.speakers, a.speakers);
    assert.deepEqual(doc.datelines, a.datelines);
    assert.deepEqual(doc.structure, a.structure);
  });
});
