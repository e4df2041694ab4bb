import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

extension PlacementCommand {
    /// Runs the command line as `main()` does, but with every message shown escaped for the
    /// terminal (argument errors quote what was typed, and that may hold escape sequences).
    /// Standard output's write failures (a closed pipe included) end the run with exit 2.
    public static func runWithEscapedMessages() -> Never {
        StandardStreams.prepare()
        do {
            var command = try parseAsRoot()
            try command.run()
            terminate(0)
        } catch {
            var code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code != .success {
                    printToStandardError(message)
                } else if (try? printToStandardOutput(message)) == nil {
                    // --help or --version that could not be printed.
                    code = failureExitCode
                }
            }
            terminate(code.rawValue)
        }
    }

    /// The C library's `exit` (ParsableCommand has an `exit` of its own).
    private static func terminate(_ code: Int32) -> Never {
        #if canImport(Glibc)
            Glibc.exit(code)
        #else
            Darwin.exit(code)
        #endif
    }
}
