// npm run corpus: the phrasing corpus's coverage figures (issue 9). Prints one line
// `corpus phrasings=<n> parsed=<n> marks_ok=<n> false_flags=<n> not_computable=<n>` and, below it, every
// phrasing or row that does not read as the corpus expects. Exits 1 on a false flag or a false mark.
import { runCorpus } from "../test/corpus/corpus";

const f = runCorpus();
console.log(
  `corpus phrasings=${f.phrasings} parsed=${f.parsed} marks_ok=${f.marksOk} false_flags=${f.falseFlags} not_computable=${f.notComputable}`,
);
console.log(`corpus scenarios=${f.scenarios} false_marks=${f.falseMarks} misses=${f.misses.length}`);
for (const m of f.misses) console.log(`  ${m}`);
process.exitCode = f.falseFlags > 0 || f.falseMarks > 0 ? 1 : 0;
