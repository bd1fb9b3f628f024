// Prints vitest's JSON report as the one line CI reads: "N passed, N failed".
import fs from 'node:fs'

const file = process.argv[2] ?? 'test-results/vitest.json'
let report
try {
  report = JSON.parse(fs.readFileSync(file, 'utf8'))
} catch (error) {
  // No report means the run itself broke: count that as a failure, never as a pass.
  console.error(`No test report at ${file}: ${error.message}`)
  console.log('0 passed, 1 failed')
  process.exit(1)
}
// A test file that cannot even load fails without failing any test: count it once.
const brokenFiles = report.testResults.filter(
  (result) => result.status === 'failed' && !result.assertionResults.some((test) => test.status === 'failed')
).length
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed`)
