// Registration of Core's copying and indexing operators: concatenation, tiling and
// reordering (cat, stack, repeat, flip, roll), indexed reads and writes (index_select,
// gather, scatter, masked_fill, masked_select, where, nonzero) and ordering (sort, argsort,
// topk). Each lives in its own file in this folder; Indexing+Support.swift holds the shared
// loops.
extension CoreOperators {
    static func registerIndexingOps(_ d: Dispatcher) {
        registerCat(d)
        registerStack(d)
        registerRepeat(d)
        registerFlip(d)
        registerRoll(d)
        registerIndexSelect(d)
        registerGather(d)
        registerScatter(d)
        registerMaskedFill(d)
        registerMaskedSelect(d)
        registerWhere(d)
        registerNonzero(d)
        registerSort(d)
        registerTopK(d)
    }
}
