import EmberCore
import Testing

@testable import EmberCSV

/// RFC 4180 structure: quotes, line breaks, byte order marks, blank lines.
@Suite struct CSVEdgeCaseTests {
    @Test func quotedDelimitersAndEscapedQuotes() throws {
        let text = "name,x\n\"Smith, J\",1.5\n\"a \"\"quoted\"\" word\",\"2\"\n"
        let table = try CSV.readTable(.text(text))
        #expect(table["name"] == .string(["Smith, J", "a \"quoted\" word"]))
        #expect(table["x"] == .float64([1.5, 2]))
        #expect(rows(try readText(text, columns: ["x"]).tensor) == [[1.5], [2]])
    }

    @Test func embeddedNewlinesKeepTextAndLineNumbers() throws {
        let text = "id,text,v\n1,\"line one\nline two\",3.5\n2,\"c\",4\n"
        let table = try CSV.readTable(.text(text))
        #expect(table["text"] == .string(["line one\nline two", "c"]))
        #expect(table["v"] == .float64([3.5, 4]))
        // Lines count the break inside the quotes: row 2 starts on line 4.
        let bad = "id,text,v\n1,\"a\nb\",3.5\n2,\"c\",oops\n"
        #expect(errorText { try readText(bad, columns: ["v"]) } == "t.csv:4:3: unparsable number 'oops' in column 'v'")
        // A field after a multi-line field in the same row is on the later line.
        let sameRow = "id,text,v\n1,\"a\nb\",oops\n"
        #expect(errorText { try readText(sameRow, columns: ["v"]) } == "t.csv:3:3: unparsable number 'oops' in column 'v'")
    }

    @Test func crlfAndLoneCRLineEnds() throws {
        #expect(rows(try readText("a,b\r\n1,2\r\n3,4\r\n").tensor) == [[1, 2], [3, 4]])
        #expect(rows(try readText("a,b\r1,2\r3,4").tensor) == [[1, 2], [3, 4]])
        let table = try CSV.readTable(.text("t\r\n\"x\r\ny\"\r\n"))
        #expect(table["t"] == .string(["x\r\ny"]))
        #expect(errorText { try readText("a,b\r\n1,2\r\n3,x\r\n") } == "t.csv:3:2: unparsable number 'x' in column 'b'")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let read = try readText("\u{FEFF}a,b\n1,2\n", columns: ["a"])
        #expect(read.columnNames == ["a"])
        #expect(rows(read.tensor) == [[1]])
        let table = try CSV.readTable(.bytes([0xEF, 0xBB, 0xBF] + Array("x\n7\n".utf8)))
        #expect(table.columnNames == ["x"])
        #expect(table["x"] == .int64([7]))
    }

    @Test func emptyFieldsFollowTheMissingValuePolicy() throws {
        let text = "a,b\n1,\n,4\n\"\",5\n"
        #expect(errorText { try readText(text) } == "t.csv:2:2: missing value in column 'b'")
        let nan = rows(try readText(text, options: options { $0.onMissing = .nan }).tensor)
        #expect(nan[0][0] == 1 && nan[0][1].isNaN && nan[1][0].isNaN && nan[1][1] == 4 && nan[2][0].isNaN)
        #expect(rows(try readText(text, options: options { $0.onMissing = .fill(-1) }).tensor) == [[1, -1], [-1, 4], [-1, 5]])
        let tokens = options {
            $0.missingValues = ["NA", "?"]
            $0.onMissing = .fill(0)
        }
        #expect(rows(try readText("a,b\nNA,1\n 2 , ?\n", options: tokens).tensor) == [[0, 1], [2, 0]])
        // Text columns keep the empty string.
        #expect(try CSV.readTable(.text("s,n\n,1\nx,2\n"))["s"] == .string(["", "x"]))
    }

    @Test func raggedRowsAreErrorsOrSkippedAndCounted() throws {
        let text = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n"
        #expect(errorText { try readText(text) } == "t.csv:3:3: wrong field count: expected 3 fields, found 2")
        let skipped = try readText(text, options: options { $0.onBadRow = .skip })
        #expect(rows(skipped.tensor) == [[1, 2, 3], [10, 11, 12]])
        #expect(skipped.skippedRows == 2)
        #expect(errorText { try readText("a,b,c\n6,7,8,9\n") } == "t.csv:2:4: wrong field count: expected 3 fields, found 4")
        #expect(errorText { try CSV.readTable(.text("a,b,c\n1,2,3\n4,5\n", name: "t.csv")) }
            == "t.csv:3:3: wrong field count: expected 3 fields, found 2")
        let table = try CSV.readTable(.text(text), options: options { $0.onBadRow = .skip })
        #expect(table["c"] == .int64([3, 12]))
        #expect(table.skippedRows == 2)
    }

    @Test func blankLinesAreSkippedUnlessAsked() throws {
        let text = "a,b\n1,2\n\n3,4\n\r\n"
        #expect(rows(try readText(text).tensor) == [[1, 2], [3, 4]])
        #expect(errorText { try readText(text, options: options { $0.skipBlankLines = false }) }
            == "t.csv:3:2: wrong field count: expected 2 fields, found 1")
    }

    @Test func quoteErrors() throws {
        #expect(errorText { try readText("a,b\n1,\"abc\n2,3\n") }
            == "t.csv:2:2: unterminated quote: the quoted field in column 'b' never closes")
        #expect(errorText { try readText("a,b\n\"1\"x,2\n") }
            == "t.csv:2:1: unexpected character 'x' after the closing quote in column 'a'")
        let e = csvError { try readText("a,b\n1,\"abc\n") }
        #expect(e?.reason == .unterminatedQuote && e?.line == 2 && e?.column == 2 && e?.file == "t.csv")
        // A quote inside an unquoted field is an ordinary character (as in pandas and Python's csv).
        #expect(try CSV.readTable(.text("h\n5'10\"\n"))["h"] == .string(["5'10\""]))
    }

    @Test func customDelimiterAndNoHeader() throws {
        let tsv = options { $0.delimiter = "\t" }
        #expect(rows(try readText("a\tb\n1.5\t2\n", options: tsv).tensor) == [[1.5, 2]])
        let pipe = options { $0.delimiter = "|" }
        #expect(try CSV.readTable(.text("s|n\n\"x|y\"|1\n"), options: pipe)["s"] == .string(["x|y"]))
        let noHeader = try readText("1,2\n3,4\n", columns: [1], options: options { $0.hasHeader = false })
        #expect(noHeader.columnNames == ["1"])
        #expect(rows(noHeader.tensor) == [[2], [4]])
        #expect(errorText { try readText("a\n1\n", options: options { $0.delimiter = "\n" }) }
            == "t.csv: the delimiter must be one ASCII character other than CR, LF and NUL (got \"\\n\")")
        #expect(errorText { try readText("a\n1\n", options: options { $0.delimiter = "\"" }) }
            == "t.csv: the delimiter and the quote must differ")
    }

    @Test func columnSelectionByNameAndIndex() throws {
        let text = "a,b,c\n1,2,3\n4,5,6\n"
        let read = try readText(text, columns: ["c", 0])
        #expect(read.columnNames == ["c", "a"])
        #expect(rows(read.tensor) == [[3, 1], [6, 4]])
        #expect(errorText { try readText(text, columns: ["z"]) } == "t.csv: no column named 'z' (columns: a, b, c)")
        #expect(errorText { try readText(text, columns: [5]) } == "t.csv: no column #5: the file has 3 columns")
        #expect(errorText { try readText(text, columns: ["a", 0]) } == "t.csv: column 'a' is selected twice")
        #expect(errorText { try readText("a,a\n1,2\n", columns: ["a"]) }
            == "t.csv: the column name 'a' is ambiguous: it names columns #0 and #1")
        // Unselected columns are not converted: text there is fine.
        #expect(rows(try readText("x,name\n1,bob\n", columns: ["x"]).tensor) == [[1]])
    }

    @Test func spacesAroundNumbersAndLastRowWithoutNewline() throws {
        #expect(rows(try readText("a,b\n 1.5 ,\t2\n3,4").tensor) == [[1.5, 2], [3, 4]])
        #expect(errorText { try readText("a\n1 2\n") } == "t.csv:2:1: unparsable number '1 2' in column 'a'")
    }

    @Test func emptyInputs() throws {
        #expect(errorText { try readText("") } == "t.csv: the file is empty: there is no header row")
        let headerOnly = try readText("a,b\n")
        #expect(headerOnly.tensor.shape == [0, 2])
        let nothing = try readText("", options: options { $0.hasHeader = false })
        #expect(nothing.tensor.shape == [0, 0])
    }
}
