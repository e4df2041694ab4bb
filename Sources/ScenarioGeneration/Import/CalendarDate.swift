/// A day in the Gregorian calendar, as exports write dates of birth: `2012-03-31` or `31/03/2012`.
public struct CalendarDate: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Reads ISO 8601 (`YYYY-MM-DD`) or the British `DD/MM/YYYY`, either with a midnight time after it
    /// as spreadsheets export a date (`2012-03-14 00:00:00`, `14/03/2012 00:00`, `2012-03-14T00:00:00`);
    /// nil for anything else, another time of day, or a day that does not exist (31 April, 29 February
    /// 2023).
    public init?(parsing written: String) {
        let text = Self.withoutMidnight(written)
        let parts: [Substring]
        let order: (year: Int, month: Int, day: Int)
        if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            order = (0, 1, 2)
        } else {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
            order = (2, 1, 0)
        }
        guard parts.count == 3, parts[order.year].count == 4, parts.allSatisfy({ (1...4).contains($0.count) }),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[order.year]), let month = Int(parts[order.month]), let day = Int(parts[order.day]),
            (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `text` without a midnight time after the date (a space or `T`, then `00:00`, `00:00:00`,
    /// `00:00:00.000`, `0:00` or `0:00:00`, and `Z` after an ISO `T`); otherwise `text` as it is.
    private static func withoutMidnight(_ text: String) -> String {
        for separator in [" ", "T"] {
            guard let split = text.range(of: separator) else { continue }
            var time = text[split.upperBound...]
            if separator == "T", time.hasSuffix("Z") { time = time.dropLast() }
            // Excel in an English locale writes midnight with one digit of hour: `14/03/2012 0:00`.
            let midnight = ["00:00", "00:00:00", "00:00:00.000", "0:00", "0:00:00"]
            if midnight.contains(String(time)) { return String(text[..<split.lowerBound]) }
        }
        return text
    }

    /// Whole years from `birth` to this day (a birthday counts on the day itself; 29 February's
    /// children turn a year older on 1 March in common years).
    public func age(bornOn birth: CalendarDate) -> Int {
        let hadBirthday = (month, day) >= (birth.month, birth.day)
        return year - birth.year - (hadBirthday ? 0 : 1)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
