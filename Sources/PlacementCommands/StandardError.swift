import Foundation

/// Writes to stderr (reports go to stdout; problems and progress never do).
func printToStandardError(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((text + terminator).utf8))
}
