import EmberCore
import Testing

@testable import EmberData

private struct Squares: Dataset {
    var count: Int { 4 }
    func sample(at index: Int) throws -> Int { index * index }
}

@Suite struct DatasetTests {
    @Test func customDatasetGivesSamplesByIndex() throws {
        let d = Squares()
        #expect(d.count == 4)
        #expect(try d.sample(at: 3) == 9)
    }
}
