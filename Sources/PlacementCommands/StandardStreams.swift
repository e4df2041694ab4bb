#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The process's standard output and error as file descriptors, written without stdio's buffer (whose
/// failures surface late, with the cause lost) and without Foundation's `FileHandle.write` (which traps
/// when a write fails, so a closed stderr would crash the tool).
enum StandardStreams {
    /// Run once, first thing. A closed pipe then fails a write with EPIPE, which is reported as exit 2,
    /// instead of killing the process with SIGPIPE (141: only interrupts may exit above 127). A stream
    /// that was closed (`>&-`) is held open read-only on /dev/null, so its writes fail with EBADF and no
    /// file the run opens (a scenario, an output, a model) can take its number and receive its text.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", O_RDONLY)
            if held >= 0 && held != descriptor {
                dup2(held, descriptor)
                close(held)
            }
        }
    }

    /// Writes all of `text` to `descriptor`; nil when written, else the `errno` of the write that failed.
    static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else if errno == EAGAIN {
                    // A descriptor another process made non-blocking: wait until it takes more.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                } else {
                    return errno
                }
            }
            return nil
        }
    }

    /// The system's words for `code` ("No space left on device").
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

// The C library's `write`, which `StandardStreams.write` would otherwise hide.
#if canImport(Glibc)
    private let systemWrite = Glibc.write
#else
    private let systemWrite = Darwin.write
#endif
