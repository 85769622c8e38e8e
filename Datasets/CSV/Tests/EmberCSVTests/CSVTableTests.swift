import EmberCore
import Testing

@testable import EmberCSV

/// Type inference, schemas and label encoding.
@Suite struct CSVTableTests {
    let mixed = "i,f,s,m\n1,1.5,x,\n2,2,y,3\n"

    @Test func infersInt64Float64AndString() throws {
        let table = try CSV.readTable(.text(mixed), columns: ["i", "f", "s"])
        #expect(table.columnNames == ["i", "f", "s"])
        #expect(table.columns.map(\.type) == [.int64, .float64, .string])
        #expect(table["i"] == .int64([1, 2]))
        #expect(table["f"] == .float64([1.5, 2]))
        #expect(table["s"] == .string(["x", "y"]))
        #expect(table.rowCount == 2)
        // A column with only missing values is float64, as in pandas.
        #expect(try CSV.readTable(.text("a,b\n1,\n2,\n"), options: options { $0.onMissing = .nan })["b"]?.type == .float64)
    }

    @Test func missingValuesInIntegerColumns() throws {
        #expect(errorText { try CSV.readTable(.text(mixed, name: "t.csv")) } == "t.csv:2:4: missing value in column 'm'")
        let nan = try CSV.readTable(.text(mixed), options: options { $0.onMissing = .nan })
        guard case .float64(let m) = nan["m"] else {
            Issue.record("an int column with missing values under .nan becomes float64")
            return
        }
        #expect(m[0].isNaN && m[1] == 3)
        #expect(try CSV.readTable(.text(mixed), options: options { $0.onMissing = .fill(0) })["m"] == .int64([0, 3]))
        #expect(try CSV.readTable(.text(mixed), options: options { $0.onMissing = .fill(0.5) })["m"] == .float64([0.5, 3]))
        let declared = options {
            $0.columnTypes = ["m": .int64]
            $0.onMissing = .nan
        }
        #expect(errorText { try CSV.readTable(.text(mixed, name: "t.csv"), options: declared) }
            == "t.csv:2:4: missing value in integer column 'm' cannot be NaN")
    }

    @Test func schemaOverridesInference() throws {
        let schema = options { $0.columnTypes = ["i": .float64, 2: .string, "m": .string] }
        let table = try CSV.readTable(.text(mixed), options: schema)
        #expect(table.columns.map(\.type) == [.float64, .float64, .string, .string])
        #expect(table["m"] == .string(["", "3"]))
        let wrong = options { $0.columnTypes = ["f": .int64] }
        #expect(errorText { try CSV.readTable(.text(mixed, name: "t.csv"), columns: ["f"], options: wrong) }
            == "t.csv:2:2: unparsable integer '1.5' in column 'f'")
    }

    @Test func tableToTensors() throws {
        let table = try CSV.readTable(.text("a,b,s\n1,0.5,x\n2,1.5,y\n3,2.5,x\n"))
        #expect(rows(try table.tensor(["b", "a"], rows: 1..<3)) == [[1.5, 2], [2.5, 3]])
        #expect(try table.tensor(["a"], dtype: .int64).scalars(as: Int64.self) == [1, 2, 3])
        #expect(rows64(try table.tensor(["b"], dtype: .float64)) == [[0.5], [1.5], [2.5]])
        #expect(errorText { try table.tensor(["s"]) }
            == "<text>: column 's' holds text: read it with labels(_:) or label-encode it")
        #expect(errorText { try table.tensor(["b"], dtype: .int64) } == "<text>: column 'b' is float64, not int64")
        #expect(errorText { try table.tensor(["a"], rows: 2..<4) } == "<text>: rows 2..<4 are out of range for a table of 3 rows")
        let (codes, encoding) = try table.labels("s")
        #expect(codes.scalars(as: Int64.self) == [0, 1, 0])
        #expect(encoding.classes == ["x", "y"])
    }

    @Test func labelEncodingInOrderOfFirstAppearance() throws {
        let text = "x,label\n1,b\n2,a\n3,b\n4,c\n"
        let read = try readText(text, options: options { $0.labelEncoded = ["label"] })
        #expect(rows(read.tensor) == [[1, 0], [2, 1], [3, 0], [4, 2]])
        let encoding = try #require(read.labelEncodings["label"])
        #expect(encoding.classes == ["b", "a", "c"])
        #expect(encoding.code(of: "c") == 2 && encoding.code(of: "z") == nil && encoding.label(of: 1) == "a")
        // Declaring a column as text label-encodes it too; codes can be int64.
        let asText = options { $0.columnTypes = ["label": .string] }
        #expect(try readText(text, columns: ["label"], dtype: .int64, options: asText).tensor.scalars(as: Int64.self)
            == [0, 1, 0, 2])
        // Quoted and escaped labels are unescaped before encoding.
        let quoted = try readText("l\n\"a,\"\"b\"\"\"\nq\n\"a,\"\"b\"\"\"\n", options: options { $0.labelEncoded = [0] })
        #expect(quoted.labelEncodings["l"]?.classes == ["a,\"b\"", "q"])
    }

    @Test func labelsOfSkippedRowsAreNotKept() throws {
        let text = "x,label\n1,b\n2,z,extra\n3,\"bad\"x\n4,a\n"
        let read = try readText(text, options: options {
            $0.labelEncoded = ["label"]
            $0.onBadRow = .skip
        })
        #expect(rows(read.tensor) == [[1, 0], [4, 1]])
        #expect(read.labelEncodings["label"]?.classes == ["b", "a"])
        #expect(read.skippedRows == 2)
    }

    @Test func missingLabels() throws {
        let text = "label\na\n\nb\n"
        let blankKept = options {
            $0.labelEncoded = ["label"]
            $0.skipBlankLines = false
        }
        #expect(errorText { try readText(text, options: blankKept) } == "t.csv:3:1: missing value in column 'label'")
        var nan = blankKept
        nan.onMissing = .nan
        let values = try readText(text, options: nan).tensor.scalars(as: Float.self)
        #expect(values[0] == 0 && values[1].isNaN && values[2] == 1)
        #expect(errorText { try readText(text, dtype: .int64, options: nan) }
            == "t.csv:3:1: missing value in integer column 'label' cannot be NaN")
    }

    @Test func invalidOptions() throws {
        #expect(errorText { try readText("a\n1\n", dtype: .float16) }
            == "t.csv: cannot read CSV values as float16: use float32, float64 or int64")
        #expect(errorText { try readText("a\n1\n", dtype: .int64, options: options { $0.columnTypes = ["a": .float64] }) }
            == "t.csv: column 'a' holds decimals and cannot be read as int64")
        #expect(errorText { try readText("a\n1\n", dtype: .int64, options: options { $0.onMissing = .fill(0.5) }) }
            == "t.csv: the fill value 0.5 is not a whole number for an int64 tensor")
        #expect(errorText { try readText("a\n1\n", options: options { $0.labelEncoded = ["b"] }) }
            == "t.csv: no column named 'b' (columns: a)")
    }
}
