// Prints one `name value unit` line per figure; `--filter S` keeps names containing S.
// OpenBLAS GEMMs are on, as users get them by default from the umbrella `Ember` module.
import EmberBLAS

EmberBLAS.register()
let arguments = CommandLine.arguments.dropFirst()
var filter: String?
if let i = arguments.firstIndex(of: "--filter"), arguments.index(after: i) < arguments.endIndex {
    filter = arguments[arguments.index(after: i)]
}
for figure in CoreFigures.all + BLASFigures.all + AutogradFigures.all + OptimFigures.all + TrainingFigures.all + LeNetFigures.all + CSVFigures.all where filter.map(figure.name.contains) ?? true {
    let value = figure.measure()
    print("\(figure.name) \(String(format: value)) \(figure.unit)")
}

func String(format value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return "\(scaled)"
}
