/// The candidate closest to `text` by edit distance, if it is close enough to be a likely typo; the
/// one differing only in letter case first.
/// A short form naming one candidate alone counts too: `secure` for `secure_childrens_home`,
/// `residential` for `residential_school` (the text starting the candidate or one of its words).
public func nearest(to text: String, in candidates: [String]) -> String? {
    // A code typed in the wrong case ('e08000003') is that code, however near another lies.
    let lowered = text.lowercased()
    let sameLetters = candidates.filter { $0.lowercased() == lowered }
    if sameLetters.count == 1 { return sameLetters[0] }
    let length = text.count
    let scored = candidates.filter { isWithinTypoReach(length, of: $0) }.map { ($0, editDistance(text, $0)) }
    // Near, and sharing something: two edits turn any two-letter code into any other ('X9' is not 'A3').
    if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= typoEdits(best.0),
        best.1 < min(text.count, best.0.count)
    {
        return best.0
    }
    guard text.count >= 3 else { return nil }
    let starting = candidates.filter { candidate in
        candidate.lowercased().split(separator: "_").contains { $0.hasPrefix(lowered) }
    }
    return starting.count == 1 ? starting[0] : nil
}

/// The most edits a text may be from `candidate` to count as a typo of it.
func typoEdits(_ candidate: String) -> Int { max(2, candidate.count / 3) }

/// Whether a text of `length` characters could be a typo of `candidate`. Two texts differ by at
/// least their difference in length, so a candidate that far off is skipped before the edit
/// distance, which costs the product of the two lengths (minutes for a megabyte field).
func isWithinTypoReach(_ length: Int, of candidate: String) -> Bool {
    abs(candidate.count - length) <= typoEdits(candidate)
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        if !b.isEmpty {
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
