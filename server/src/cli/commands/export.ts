// `seed-annotator export`: placeholder until the tag work lands; it says so and exits 2.
export async function run(args: string[]): Promise<number> {
  void args;
  process.stderr.write("seed-annotator: 'export' is not available yet\n");
  return 2;
}
