import EmberPlot
import Foundation
import Testing

/// Ticks and labels against what matplotlib 3.11 shows for the same views and figure sizes
/// (Scripts/make_tick_fixtures.py).
@Suite struct TickTests {
    var cases: [[String: Any]] {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("ticks.json")
        return (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [[String: Any]] ?? []
    }

    @Test func matchesMatplotlib() throws {
        #expect(cases.count == 8)
        for c in cases {
            let size = c["size"] as! [Int], xlim = c["xlim"] as! [Double], ylim = c["ylim"] as! [Double]
            let fig = Figure(width: size[0], height: size[1])
            fig.axes.setXLim(xlim[0], xlim[1])
            fig.axes.setYLim(ylim[0], ylim[1])
            let xt = fig.axes.xTicks(width: size[0], height: size[1])
            let yt = fig.axes.yTicks(width: size[0], height: size[1])
            let want = (c["xticks"] as! [Double], c["yticks"] as! [Double])
            #expect(xt.count == want.0.count && zip(xt, want.0).allSatisfy { abs($0 - $1) < 1e-9 }, "\(xlim): \(xt)")
            #expect(yt.count == want.1.count && zip(yt, want.1).allSatisfy { abs($0 - $1) < 1e-9 }, "\(ylim): \(yt)")
            #expect(TickLocator.labels(for: xt) == c["xlabels"] as! [String])
            #expect(TickLocator.labels(for: yt) == c["ylabels"] as! [String])
        }
    }

    /// Hand-computed: 0...1 with 9 bins takes step 0.2 (0.1 would give 10 bins); -10...10
    /// takes 2.5 (20/9 = 2.2 → 2.5); 4.3...7.9 takes 0.5 (3.6/9 = 0.4 → 0.5) from 4.5.
    @Test func handComputedRanges() {
        #expect(TickLocator.ticks(from: 0, to: 1).map { ($0 * 10).rounded() / 10 } == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(TickLocator.ticks(from: -10, to: 10) == [-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10])
        #expect(TickLocator.ticks(from: 4.3, to: 7.9) == [4.5, 5, 5.5, 6, 6.5, 7, 7.5])
        #expect(TickLocator.ticks(from: -10, to: 10, bins: 4) == [-10, -5, 0, 5, 10])
        #expect(TickLocator.ticks(from: 3, to: 3).count >= 1)
    }

    @Test func labelFormatting() {
        #expect(TickLocator.labels(for: [-10, -5, 0, 5, 10]) == ["-10", "-5", "0", "5", "10"])
        #expect(TickLocator.labels(for: [0.0, 0.25, 0.5]) == ["0.00", "0.25", "0.50"])
        #expect(TickLocator.format(-0.0001, decimals: 2) == "0.00")
        #expect(TickLocator.format(1.2345, decimals: 2) == "1.23")
        #expect(TickLocator.format(-3.14159, decimals: 3) == "-3.142")
    }
}
