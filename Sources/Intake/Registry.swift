public import Foundation

/// A brand owner's registered rights and what they protect, as read from the registry file (ARCHITECTURE.md,
/// "Registry file").
///
/// Every finding names the right it rests on, so every mark, asset and text names one of `rights`. Paths are
/// resolved against the registry file's folder when the registry is loaded.
public struct Registry: Sendable, Hashable {
    /// Who holds the rights; the Source-Organization of evidence bundles.
    public var owner: String
    /// Registered rights, in file order.
    public var rights: [Right]
    /// Brands and their protected marks, images and texts, in file order.
    public var brands: [Brand]
    /// The registry file itself.
    public var file: URL

    /// The right with `id`, if declared.
    public func right(_ id: String) -> Right? { rights.first { $0.id == id } }
}

/// A registered trademark, copyright or design patent.
public struct Right: Sendable, Hashable {
    /// What kind of right.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case trademark
        case copyright
        case designPatent = "design-patent"
    }

    public var id: String
    public var kind: Kind
    /// The registration number as the office writes it ("US 5,123,456").
    public var registration: String
    /// The jurisdiction (ISO country or region code: US, CN, EU, ...), when given.
    public var jurisdiction: String?
    /// Nice classes for trademarks.
    public var classes: [Int]
    /// Product keywords or phrases of the goods the registration covers (`goods: [sneakers, running shoes]`), in
    /// any language; empty when not given. A mark that is an ordinary word (APPLE, SHELL) found on a listing that
    /// names none of them is weak evidence (`Docs/design-text-evidence.md`).
    public var goods: [String] = []
    public var holder: String?
    /// The last day the right is in force, when it expires.
    public var expires: LocalDate?
    /// The registration certificate, hashed into every bundle that relies on this right.
    public var certificate: URL?
}

/// A brand: its word marks, registered images, copyrighted texts, price floor and authorised sellers.
public struct Brand: Sendable, Hashable {
    public var name: String
    public var marks: [WordMark]
    public var assets: [RegisteredAsset]
    public var texts: [RegisteredText]
    /// Genuine goods are not sold below this.
    public var priceFloor: Price?
    /// Seller ids allowed to sell the brand; their listings never become exportable findings.
    public var authorizedSellers: [String]
}

/// A word mark, in any script.
public struct WordMark: Sendable, Hashable {
    public var text: String
    public var right: String
    /// Ordinary words or product names that contain the mark and are not it (`exclude:` in the registry).
    public var exclusions: [String]

    public init(text: String, right: String, exclusions: [String] = []) {
        self.text = text
        self.right = right
        self.exclusions = exclusions
    }
}

/// A registered image: a logo, a product photo, ...
public struct RegisteredAsset: Sendable, Hashable {
    public var id: String
    public var file: URL
    /// What the image shows (`logo`, `product-photo`, ...), free text.
    public var kind: String
    public var right: String
}

/// A copyrighted text (a product description, a manual).
public struct RegisteredText: Sendable, Hashable {
    public var id: String
    public var file: URL
    public var right: String
}

/// An amount of money.
public struct Price: Sendable, Hashable {
    public var amount: Decimal
    /// ISO 4217 code, upper case.
    public var currency: String

    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }
}

/// A calendar day without a time zone (registration offices date rights by day).
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD`; nil for anything else or an impossible day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day given by its numbers.
    ///
    /// - Precondition: the day exists; an impossible date is a programming error.
    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month) && (1...Self.days(in: month, of: year)).contains(day), "no such day")
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC calendar day of `date`.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        year = components.year ?? 1970
        month = components.month ?? 1
        day = components.day ?? 1
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
