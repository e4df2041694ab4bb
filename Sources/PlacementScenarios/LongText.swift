/// Text from input shown in a message, cut in the middle when it is very long.
public enum LongText {
    /// `text` itself, or its first `head` and last `tail` characters around a note of how many were
    /// left out, when that leaves out more than a few.
    public static func shortened(_ text: String, head: Int, tail: Int) -> String {
        let leftOut = text.count - head - tail
        guard leftOut > 40 else { return text }
        return "\(text.prefix(head))… (\(leftOut) characters left out) …\(text.suffix(tail))"
    }
}
