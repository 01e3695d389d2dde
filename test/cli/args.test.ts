// Argument parsing for `analyze`: outputs, shards and sizes, and the usage errors that exit 2.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseAnalyzeArgs, parseShard, parseSize, selectShard, UsageError } from '../../server/src/cli/args';
import { DEFAULT_MAX_SEED_BYTES } from '../../server/src/files/seedFile';
import { createProgress } from '../../server/src/cli/progress';

describe('analyze arguments', () => {
  it('reads paths in order, the output mode, the shard and the size limit', () => {
    assert.deepEqual(parseAnalyzeArgs(['b', '--jsonl', 'a', '--shard', '2/5', '--max-size', '512KB', '--jobs', '3']), {
      paths: ['b', 'a'],
      output: 'jsonl',
      shard: { index: 2, count: 5 },
      maxBytes: 512 * 1024,
      jobs: 3,
      help: false,
    });
    assert.deepEqual(parseAnalyzeArgs(['x']), {
      paths: ['x'],
      output: 'summary',
      shard: null,
      maxBytes: DEFAULT_MAX_SEED_BYTES,
      jobs: null,
      help: false,
    });
    assert.equal(parseAnalyzeArgs(['x', '-j', '1']).jobs, 1);
    assert.equal(parseAnalyzeArgs(['--help']).help, true);
  });

  it('turns every misuse into a UsageError with a message that says what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [[], /no files or directories/],
      [['x', '--jsn'], /Unknown option '--jsn'/],
      [['x', '--json', '--jsonl'], /cannot be used together/],
      [['x', '--shard'], /--shard/],
      [['x', '--json=yes'], /--json/],
      [['x', '--jobs', '0'], /--jobs expects a whole number/],
      [['x', '--jobs', '1.5'], /--jobs expects a whole number/],
      [['x', '--jobs'], /--jobs/],
    ];
    for (const [args, message] of cases) {
      assert.throws(
        () => parseAnalyzeArgs(args),
        (err: unknown) => err instanceof UsageError && message.test(err.message),
        args.join(' '),
      );
    }
  });

  it('parses shards i/n as 1-based and refuses the rest', () => {
    assert.deepEqual(parseShard('1/1'), { index: 1, count: 1 });
    assert.deepEqual(parseShard(' 3 / 4 '), { index: 3, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', '1', '-1/2', 'a/b', '1.5/3', '']) {
      assert.throws(() => parseShard(bad), UsageError, bad);
    }
  });

  it('shards partition any list: disjoint, complete, order kept, balanced within one', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (items, count) => {
        const slices = Array.from({ length: count }, (_, i) =>
          selectShard(
            items.map((item, k) => ({ item, k })),
            { index: i + 1, count },
          ),
        );
        const positions = slices
          .flat()
          .map((x) => x.k)
          .sort((a, b) => a - b);
        assert.deepEqual(
          positions,
          items.map((_, k) => k),
        );
        for (const slice of slices)
          assert.deepEqual(
            slice.map((x) => x.k),
            [...slice.map((x) => x.k)].sort((a, b) => a - b),
          );
        const sizes = slices.map((s) => s.length);
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
      }),
    );
    assert.deepEqual(selectShard(['a', 'b'], null), ['a', 'b']);
  });

  it('parses sizes with units', () => {
    assert.equal(parseSize('10MB'), 10 * 1024 * 1024);
    assert.equal(parseSize('1.5 kb'), 1536);
    assert.equal(parseSize('2000'), 2000);
    assert.equal(parseSize('1g'), 1024 ** 3);
    for (const bad of ['', 'big', '0', '-1MB', '10 TB']) assert.throws(() => parseSize(bad), UsageError, bad);
  });
});

describe('progress line', () => {
  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    const stream = {
      isTTY,
      columns: 40,
      write: (s: string) => {
        writes.push(s);
        return true;
      },
    };
    return { writes, stream: stream as unknown as NodeJS.WriteStream };
  };

  it('stays silent for short runs and when stderr is not a terminal', () => {
    for (const [tty, total] of [
      [true, 20],
      [false, 500],
    ] as const) {
      const { writes, stream } = fakeStream(tty);
      const progress = createProgress(total, stream);
      for (let i = 0; i < total; i++) progress.start(`f${i}.txt`);
      progress.clear();
      assert.deepEqual(writes, []);
    }
  });

  it('counts files on one line, cut to the terminal width, and erases itself', () => {
    const { writes, stream } = fakeStream(true);
    const progress = createProgress(21, stream);
    progress.start(`corpus/${'x'.repeat(100)}.txt`);
    assert.equal(writes.length, 1);
    assert.ok(writes[0].startsWith('\r\x1b[Kanalyzing 1/21  corpus/'));
    assert.equal(writes[0].length, '\r\x1b[K'.length + 39);
    for (let i = 2; i <= 21; i++) progress.start(`f${i}.txt`);
    assert.match(writes[writes.length - 1], /analyzing 21\/21 {2}f21\.txt/, 'the last file is always drawn');
    progress.clear();
    assert.equal(writes[writes.length - 1], '\r\x1b[K');
  });
});
