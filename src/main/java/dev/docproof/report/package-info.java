/**
 * Renders run results for people and machines: {@link dev.docproof.report.ConsoleReport} (live progress on a
 * terminal, plain lines elsewhere), {@link dev.docproof.report.JsonReport} (field names are a contract) and
 * {@link dev.docproof.report.JUnitReport} (Surefire-style XML for CI test tabs). Writers and directories are
 * injected; nothing here prints on its own or decides an exit code.
 */
package dev.docproof.report;
