import EmberAutograd
import EmberCore
import Testing

/// Grad mode in asynchronous code: the async `noGrad`/`enableGrad` scopes follow the task
/// across suspensions and into child tasks, and never leak into other tasks.
@Suite struct GradModeTests {
    @Test func asyncNoGradHoldsAcrossSuspensionsAndChildTasks() async {
        let x = leaf([1, 2], [2])
        let recorded = await noGrad { () async -> [Bool] in
            var flags: [Bool] = []
            for _ in 0..<20 {
                await Task.yield()
                flags.append(Autograd.isGradEnabled || (x * x).requiresGrad)
            }
            let children = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        await Task.yield()
                        return Autograd.isGradEnabled || (x * x).requiresGrad
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            return flags + children
        }
        #expect(recorded.count == 28 && !recorded.contains(true))
        #expect(Autograd.isGradEnabled && (x * x).requiresGrad)
    }

    @Test func otherTasksKeepRecordingMeanwhile() async {
        let x = leaf([3], [1])
        async let inside: Bool = noGrad { () async -> Bool in
            var any = false
            for _ in 0..<50 { await Task.yield(); any = any || (x * x).requiresGrad }
            return any
        }
        let outside = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var all = true
                    for _ in 0..<50 { await Task.yield(); all = all && (x * x).requiresGrad }
                    return all
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(await inside == false)
        #expect(outside)
    }

    @Test func innerScopesOverrideTheTaskScope() async throws {
        let x = leaf([2], [1])
        let (syncInner, asyncInner, after) = await noGrad { () async -> (Bool, Bool, Bool) in
            await Task.yield()
            let syncInner = enableGrad { (x * x).requiresGrad }
            let asyncInner = await enableGrad { () async -> Bool in
                await Task.yield()
                return (x * x).requiresGrad
            }
            return (syncInner, asyncInner, (x * x).requiresGrad)
        }
        #expect(syncInner && asyncInner && !after)
        let y = try await inferenceMode { () async throws -> Tensor in
            await Task.yield()
            return x * x
        }
        #expect(!y.requiresGrad)
    }
}
