import Foundation

/// Work over `0..<count` shared between the cores in contiguous ranges, one per core. The ranges
/// depend only on the count and the number of cores, never on timing, and each index belongs to one
/// range: a body that keeps each index's arithmetic in a fixed order gives the same bits on any
/// number of cores.
enum CoreChunks {
    /// The cores, asked once (the question reads the system's files: a sweep would ask it five times).
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` once per range, on all cores at once; returns when every range is done.
    static func forEach(_ count: Int, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunks = min(count, cores)
        guard chunks > 1 else { return body(0..<count) }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            body((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
        }
    }
}

/// A buffer shared by threads that each write their own part of it (see ``CoreChunks``).
struct SharedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
