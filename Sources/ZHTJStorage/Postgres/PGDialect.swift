import Foundation

/// The registry's SQL is written for SQLite; these few rewrites make it PostgreSQL's, once per statement text
/// (cached). What they cover: `?` parameters become `$1…`; `IS [NOT]` between values is `IS [NOT] DISTINCT FROM`; `INSERT OR IGNORE` becomes `ON CONFLICT DO NOTHING`;
/// `ifnull` is `coalesce`; `json_each(?) AS k` (a JSON array of keys) is `json_array_elements_text`; an
/// `INDEXED BY` hint is dropped and a `CROSS JOIN … ON` is a `JOIN` (PostgreSQL's planner picks indexes and join order). Anything else must be written to run on both
/// (the tests run every statement on both engines).
enum PGDialect {
    private static let cache = Cache()

    static func translate(_ sql: String) -> String {
        if let done = cache.get(sql) { return done }
        var text = numberParameters(sql)
        text = text.replacingOccurrences(of: #"\bifnull\("#, with: "coalesce(", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(
            of: #"json_each\((\$[0-9]+)\) AS (\w+)"#, with: "json_array_elements_text($1::json) AS $2(value)", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\s+INDEXED BY \w+"#, with: "", options: .regularExpression)
        // SQLite's lower() folds ASCII only, as PostgreSQL's does under the C collation the schema's columns have.
        text = text.replacingOccurrences(of: #"\blower\((\$[0-9]+)\)"#, with: "lower($1 COLLATE \"C\")", options: .regularExpression)
        // SQLite's CROSS JOIN … ON is an inner join in a forced order; PostgreSQL's planner orders joins itself.
        text = text.replacingOccurrences(of: "CROSS JOIN", with: "JOIN")
        // SQLite's IS / IS NOT compare any two values, NULL included; PostgreSQL's say IS [NOT] DISTINCT FROM.
        text = text.replacingOccurrences(of: #"\bIS NOT (?!NULL\b|DISTINCT\b|TRUE\b|FALSE\b)"#, with: "IS DISTINCT FROM ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\bIS (?!NOT\b|NULL\b|DISTINCT\b|TRUE\b|FALSE\b)"#, with: "IS NOT DISTINCT FROM ", options: .regularExpression)
        if let range = text.range(of: #"^\s*INSERT OR IGNORE INTO"#, options: [.regularExpression, .caseInsensitive]) {
            text.replaceSubrange(range, with: "INSERT INTO")
            text = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ";"))) + " ON CONFLICT DO NOTHING"
        }
        cache.set(sql, text)
        return text
    }

    /// `?` → `$1`, `$2`… and `?NNN` → `$NNN`, outside string literals, quoted identifiers and comments.
    static func numberParameters(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        var comment = false
        var previous: Character = " "
        let characters = Array(sql)
        for (i, c) in characters.enumerated() {
            if comment {
                if c == "\n" { comment = false }
            } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "-" && previous == "-" {
                comment = true
            } else if c == "?" {
                if i + 1 < characters.count, characters[i + 1].isASCII, characters[i + 1].isNumber {
                    out += "$"  // numbered: its digits follow
                } else {
                    n += 1
                    out += "$\(n)"
                }
                previous = c
                continue
            }
            out.append(c)
            previous = c
        }
        return out
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String: String] = [:]

        func get(_ sql: String) -> String? {
            lock.lock()
            defer { lock.unlock() }
            return texts[sql]
        }

        func set(_ sql: String, _ text: String) {
            lock.lock()
            defer { lock.unlock() }
            if texts.count > 4096 { texts.removeAll() }  // statements with inlined lists would grow it without end
            texts[sql] = text
        }
    }
}
