/// Byte-level checks run before any YAML parsing (contract §2 "Reading rules").
///
/// They reject, with a location, what must never reach libyaml or Yams:
/// binary data, invalid UTF-8, and keys built from aliases (Yams hashes
/// every mapping key, so an alias-bomb used as a key would take exponential time).
enum TextScreen {
    /// Checks encoding and content; returns the text on success.
    static func screen(_ bytes: [UInt8]) throws(ReadProblem) -> String {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ReadProblem(line: 1, column: 1, "the file is empty; a scenario starts with 'parkplan: 1'")
        }
        try checkEncoding(bytes)
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let text = String(decoding: bytes[start...], as: UTF8.self)
        try AliasKeyScan.check(bytes, checkKeys: bytes.contains(UInt8(ascii: "&")))
        return text
    }

    /// Rejects NUL bytes (binary files) and invalid UTF-8, located at the first bad byte.
    static func checkEncoding(_ bytes: [UInt8]) throws(ReadProblem) {
        var line = 1, column = 1, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 {
                throw ReadProblem(
                    line: line, column: column,
                    "the file contains a NUL byte: it looks binary, not a YAML or JSON text")
            }
            if b < 0x80 {
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                i += 1
                continue
            }
            let length = sequenceLength(bytes, at: i)
            guard length > 0 else {
                throw ReadProblem(
                    line: line, column: column,
                    "the file is not valid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true))); save it as UTF-8")
            }
            i += length
            column += 1
        }
    }

    /// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid.
    static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let b = bytes[i]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        for k in 1..<length {
            let c = bytes[i + k]
            let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard c >= lo && c <= hi else { return 0 }
        }
        return length
    }
}
