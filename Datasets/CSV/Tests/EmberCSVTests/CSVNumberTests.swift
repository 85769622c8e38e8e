import EmberCore
import Foundation
import Testing

@testable import EmberCSV

/// Number conversion: exactness against Python's float(), huge values, integers, bad bytes.
@Suite struct CSVNumberTests {
    /// `[text, float64 bits, float32 bits]` cases written by Scripts/make_csv_fixtures.py.
    static func decimalCases() throws -> [(text: String, f64: UInt64, f32: UInt32)] {
        let data = try Data(contentsOf: try fixtureURL("decimals.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String]])
        return try cases.map { c in
            (c[0], try #require(UInt64(c[1], radix: 16)), try #require(UInt32(c[2], radix: 16)))
        }
    }

    @Test func decimalsEqualPythonFloatBitForBit() throws {
        let cases = try Self.decimalCases()
        #expect(cases.count > 1000)
        let text = "x\n" + cases.map(\.text).joined(separator: "\n") + "\n"
        let f64 = try readText(text, dtype: .float64).tensor.scalars(as: Double.self)
        let f32 = try readText(text).tensor.scalars(as: Float.self)
        var wrong: [String] = []
        for (i, c) in cases.enumerated() {
            if f64[i].bitPattern != c.f64 { wrong.append("\(c.text) float64 \(f64[i])") }
            if f32[i].bitPattern != c.f32 { wrong.append("\(c.text) float32 \(f32[i])") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func slowPathAgreesWithFastPath() throws {
        // Quoted and padded fields take the slow path; the table parser always does.
        let cases = try Self.decimalCases()
        let quoted = "x\n" + cases.map { "\" \($0.text)\"" }.joined(separator: "\n") + "\n"
        let f64 = try readText(quoted, dtype: .float64).tensor.scalars(as: Double.self)
        #expect(zip(f64, cases).allSatisfy { $0.bitPattern == $1.f64 })
        let table = try CSV.readTable(.text("x\n" + cases.map(\.text).joined(separator: "\n")))
        guard case .float64(let values) = table["x"] else {
            Issue.record("expected a float64 column")
            return
        }
        #expect(zip(values, cases).allSatisfy { $0.bitPattern == $1.f64 })
    }

    @Test func randomDecimalsEqualTheCLibrary() throws {
        // 17-digit shortest forms, 19-digit mantissas near ties and short decimals against
        // Swift's Double(String), which rounds correctly in the C locale.
        var state: UInt64 = 2026
        func next(_ n: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % n
        }
        var texts: [String] = []
        for i in 0..<6000 {
            let bits = next(1 << 31) << 33 ^ next(1 << 31) << 2 ^ next(4)
            let d = Double(bitPattern: bits & 0x7FEF_FFFF_FFFF_FFFF)
            switch i % 3 {
            case 0: texts.append("\(d)")
            case 1: texts.append(String(format: "%.18e", d))
            default:
                let digits = String(next(10_000_000_000_000_000_000))
                texts.append(digits + "e\(Int(next(640)) - 330)")
            }
        }
        let read = try readText("x\n" + texts.joined(separator: "\n"), dtype: .float64).tensor.scalars(as: Double.self)
        let wrong = zip(texts, read).filter { Double($0.0)!.bitPattern != $0.1.bitPattern }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    /// Decided: values beyond the float range become ±infinity, as with strtod, Python's
    /// float() and pandas; float32 tensors round the double (1e39 → inf).
    @Test func hugeNumbersBecomeInfinity() throws {
        let read = try readText("x\n1e308\n1e309\n-1e309\n1e39\n1e-400\n", dtype: .float64)
        #expect(read.tensor.scalars(as: Double.self) == [1e308, .infinity, -.infinity, 1e39, 0])
        #expect(try readText("x\n1e308\n1e39\n3.4028235e38\n").tensor.scalars(as: Float.self)
            == [.infinity, .infinity, .greatestFiniteMagnitude])
    }

    @Test func integersAreExactAndRangeChecked() throws {
        let ints = "n\n9223372036854775807\n-9223372036854775808\n+12\n"
        #expect(try readText(ints, dtype: .int64).tensor.scalars(as: Int64.self) == [.max, .min, 12])
        #expect(try CSV.readTable(.text(ints))["n"] == .int64([.max, .min, 12]))
        let over = "n\n9223372036854775808\n"
        #expect(try CSV.readTable(.text(over))["n"] == .float64([9223372036854775808]))
        #expect(errorText { try readText(over, dtype: .int64) }
            == "t.csv:2:1: integer out of range for int64 '9223372036854775808' in column 'n'")
        #expect(errorText { try readText("n\n1.5\n", dtype: .int64) } == "t.csv:2:1: unparsable integer '1.5' in column 'n'")
        let typed = options { $0.columnTypes = ["n": .int64] }
        #expect(errorText { try CSV.readTable(.text(over, name: "t.csv"), options: typed) }
            == "t.csv:2:1: integer out of range for int64 '9223372036854775808' in column 'n'")
    }

    @Test func malformedNumbers() throws {
        for bad in ["1e", "e5", "--1", "1.2.3", ".", "+", "0x10", "1_000", "1,5", "infinit", "nan1"] {
            let e = csvError { try readText("x\n\"\(bad)\"\n") }
            #expect(e?.reason == .unparsableNumber, "\(bad)")
        }
        #expect(errorText { try readText("a,b\n1,2\n3,Iris-setosa\n") }
            == "t.csv:3:2: unparsable number 'Iris-setosa' in column 'b'")
    }

    @Test func nonUTF8BytesNameLineAndColumn() throws {
        let latin1: [UInt8] = Array("name,x\nab".utf8) + [0xFF] + Array(",1\n".utf8)
        #expect(errorText { try CSV.readTable(.bytes(latin1, name: "b.csv")) }
            == "b.csv:2:1: invalid UTF-8 (byte 0xFF at offset 2) in column 'name': 'ab\\xFF'")
        let encoded = options { $0.labelEncoded = ["name"] }
        let e = csvError { try CSV.readTensor(.bytes(latin1, name: "b.csv"), options: encoded) }
        #expect(e?.reason == .invalidUTF8 && e?.line == 2 && e?.column == 1)
        // Bytes in a numeric column make an unparsable number; in unselected columns they are never decoded.
        let inNumber: [UInt8] = Array("x,y\n1".utf8) + [0xE9] + Array(",2\n".utf8)
        #expect(errorText { try CSV.readTensor(.bytes(inNumber, name: "b.csv")) }
            == "b.csv:2:1: unparsable number '1\\xE9' in column 'x'")
        #expect(rows(try CSV.readTensor(.bytes(inNumber), columns: ["y"]).tensor) == [[2]])
        let header: [UInt8] = [0x61, 0xC3, 0x28] + Array("\n1\n".utf8)
        #expect(errorText { try CSV.readTable(.bytes(header, name: "b.csv")) }
            == "b.csv:1:1: invalid UTF-8 (byte 0xC3 at offset 1) in column 1: 'a\\xC3('")
        // Valid multi-byte text is fine and shown as text in messages.
        #expect(errorText { try readText("x\nnaïve\n") } == "t.csv:2:1: unparsable number 'naïve' in column 'x'")
    }

    @Test func wordsForSpecialValues() throws {
        let v = try readText("x\nnan\n-inf\nInfinity\n", dtype: .float64).tensor.scalars(as: Double.self)
        #expect(v[0].isNaN && v[1] == -.infinity && v[2] == .infinity)
    }
}
