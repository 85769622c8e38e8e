import EmberCore
import Testing

@testable import EmberData

@Suite struct RandomSplitTests {
    @Test(arguments: DataFixtures.shared.splits.indices)
    func splitsMatchPyTorch(_ i: Int) throws {
        let c = DataFixtures.shared.splits[i]
        let data = Indices(count: c.n)
        let parts = try withDefaultGenerator(seed: c.seed) {
            let generator = c.default ? nil : Generator(seed: c.seed)
            return c.fractions
                ? try randomSplit(data, fractions: c.lengths, generator: generator)
                : try randomSplit(data, lengths: c.lengths.map { Int($0) }, generator: generator)
        }
        #expect(parts.map(\.indices) == c.splits, "case \(i): seed \(c.seed), lengths \(c.lengths)")
        #expect(try parts.map { p in try (0..<p.count).map { try p.sample(at: $0) } } == c.splits)
    }

    @Test func fractionsGiveRemaindersInTurn() throws {
        // floor(10 × 0.33) = 3 three times leaves 1 for the first; floor(7 × 0.1) = 0, ...
        #expect(try splitLengths(count: 10, fractions: [0.33, 0.33, 0.34]) == [4, 3, 3])
        #expect(try splitLengths(count: 7, fractions: [0.1, 0.1, 0.8]) == [1, 1, 5])
        #expect(try splitLengths(count: 5, fractions: [0.25, 0.25, 0.25, 0.25]) == [2, 1, 1, 1])
        #expect(try splitLengths(count: 0, fractions: [0.5, 0.5]) == [0, 0])
    }

    @Test func invalidSplitsThrow() {
        let data = Indices(count: 10)
        let cases: [(() throws -> Void, String)] = [
            ({ _ = try randomSplit(data, lengths: [3, 6]) },
             "random_split: Sum of input lengths does not equal the length of the input dataset!"),
            ({ _ = try randomSplit(data, lengths: [11, -1]) }, "random_split: Length at index 1 is negative"),
            ({ _ = try randomSplit(data, fractions: [0.5, 0.6]) },
             "random_split: fractions should add up to 1, but they add up to 1.1"),
            ({ _ = try randomSplit(data, fractions: [1.5, -0.5]) }, "random_split: Fraction at index 0 is not between 0 and 1"),
        ]
        for (body, message) in cases {
            #expect(performing: body, throws: { "\($0)" == message })
        }
    }
}
