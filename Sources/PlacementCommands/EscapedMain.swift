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
    public static func runWithEscapedMessages() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            terminate(0)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { print(message) } else { printToStandardError(message) }
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
