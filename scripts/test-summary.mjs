// Prints vitest's JSON reports (one or more: `npm test` runs two processes) as the one line CI
// reads: "N passed, N failed".
import fs from 'node:fs'

const files = process.argv.length > 2 ? process.argv.slice(2) : ['test-results/vitest.json']
let passed = 0
let failed = 0
let missing = false
for (const file of files) {
  let report
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    // No report means the run itself broke: count that as a failure, never as a pass.
    console.error(`No test report at ${file}: ${error.message}`)
    failed += 1
    missing = true
    continue
  }
  // A test file that cannot even load fails without failing any test: count it once.
  const brokenFiles = report.testResults.filter(
    (result) => result.status === 'failed' && !result.assertionResults.some((test) => test.status === 'failed')
  ).length
  passed += report.numPassedTests
  failed += report.numFailedTests + brokenFiles
}
console.log(`${passed} passed, ${failed} failed`)
if (missing) process.exit(1)
