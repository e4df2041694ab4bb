import Foundation
import PlacementScenarios

/// Authorities at their centroids and the children placed from one to another, drawn on an
/// equirectangular projection (longitude scaled by the cosine of the mean latitude, which keeps
/// England's shape to within a few per cent). Line width grows with the square root of the children;
/// in-house flows are solid green, external ones dashed orange. A circle's area shows the children
/// placed inside their own authority.
struct FlowMap {
    struct Flow {
        var from: AuthorityCode
        var to: AuthorityCode
        var children: Int
        var inHouse: Bool
    }

    var title: String
    /// Unique within the document: names the arrowheads.
    var id: String
    var authorities: [Authority]
    /// Drawn darker; the rest are context.
    var highlighted: Set<AuthorityCode>
    var flows: [Flow]
    var childrenInArea: [AuthorityCode: Int]
    /// Authorities are named when there are at most this many.
    var labelLimit = 40

    private let width = 720.0
    private let margin = 36.0
    private let legendHeight = 26.0

    var svg: String {
        guard !authorities.isEmpty else { return SVGText.open(width: width, height: 40, title: title) + "</svg>" }
        let latitudes = authorities.map(\.centroid.latitude)
        let longitudes = authorities.map(\.centroid.longitude)
        let meanLatitude = latitudes.reduce(0, +) / Double(latitudes.count)
        let scaleX = cos(meanLatitude * Double.pi / 180)
        let spanX = max((longitudes.max()! - longitudes.min()!) * scaleX, 0.05)
        let spanY = max(latitudes.max()! - latitudes.min()!, 0.05)
        let plotWidth = width - 2 * margin
        let scale = min(plotWidth / spanX, 640 / spanY)
        let height = spanY * scale + 2 * margin + legendHeight
        let offsetX = margin + (plotWidth - spanX * scale) / 2
        let minimumLongitude = longitudes.min()!
        let maximumLatitude = latitudes.max()!
        var points: [AuthorityCode: (x: Double, y: Double)] = [:]
        for authority in authorities {
            points[authority.id] = (
                offsetX + (authority.centroid.longitude - minimumLongitude) * scaleX * scale,
                legendHeight + margin + (maximumLatitude - authority.centroid.latitude) * scale
            )
        }

        var svg = SVGText.open(width: width, height: height, title: title)
        svg += "<defs>"
        for (name, colour) in [("in-house", ReportPalette.inHouse), ("external", ReportPalette.external)] {
            svg += "<marker id=\"\(id)-arrow-\(name)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
            svg += "markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
            svg += "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(colour)\"/></marker>"
        }
        svg += "</defs>"
        svg += SVGText.legend(
            [
                ("in-house flow", line(ReportPalette.inHouse, dashed: false)),
                ("external flow", line(ReportPalette.external, dashed: true)),
                (
                    "children placed in their own area",
                    "<circle cx=\"6\" cy=\"5\" r=\"5\" fill=\"#cfe3f2\" stroke=\"\(ReportPalette.node)\"/>"
                ),
            ], x: margin, y: 6)

        let largestInArea = Double(childrenInArea.values.max() ?? 0)
        for authority in authorities {
            let point = points[authority.id]!
            let inArea = Double(childrenInArea[authority.id] ?? 0)
            let radius = 2.5 + (largestInArea > 0 ? 12 * (inArea / largestInArea).squareRoot() : 0)
            let isHighlighted = highlighted.contains(authority.id)
            svg += "<circle cx=\"\(SVGText.number(point.x))\" cy=\"\(SVGText.number(point.y))\" "
            svg += "r=\"\(SVGText.number(radius))\" fill=\"\(isHighlighted ? "#cfe3f2" : "#eef2f5")\" "
            svg += "stroke=\"\(isHighlighted ? ReportPalette.node : "#9aa5b1")\" fill-opacity=\"0.85\">"
            svg += "<title>\(SVGText.escape(authority.name)): \(Int(inArea)) children placed in area</title></circle>"
        }

        let largestFlow = Double(flows.map(\.children).max() ?? 1)
        // Widest first, so that thin lines stay visible on top.
        for flow in flows.sorted(by: { ($0.children, $0.from, $0.to) > ($1.children, $1.from, $1.to) }) {
            guard let start = points[flow.from], let end = points[flow.to] else { continue }
            let strokeWidth = 0.8 + 6 * (Double(flow.children) / largestFlow).squareRoot()
            // Bend each line to its right, so that flows in opposite directions do not overlap.
            let dx = end.x - start.x
            let dy = end.y - start.y
            let control = (x: (start.x + end.x) / 2 - dy * 0.18, y: (start.y + end.y) / 2 + dx * 0.18)
            let kind = flow.inHouse ? "in-house" : "external"
            let colour = flow.inHouse ? ReportPalette.inHouse : ReportPalette.external
            svg += "<path d=\"M\(SVGText.number(start.x)),\(SVGText.number(start.y)) "
            svg += "Q\(SVGText.number(control.x)),\(SVGText.number(control.y)) "
            svg += "\(SVGText.number(end.x)),\(SVGText.number(end.y))\" fill=\"none\" stroke=\"\(colour)\" "
            svg += "stroke-width=\"\(SVGText.number(strokeWidth))\" stroke-opacity=\"0.75\" "
            svg += flow.inHouse ? "" : "stroke-dasharray=\"6 3\" "
            svg +=
                "marker-end=\"url(#\(id)-arrow-\(kind))\"><title>\(flow.children) \(flow.children == 1 ? "child" : "children") "
            svg += "from \(SVGText.escape(name(of: flow.from))) to \(SVGText.escape(name(of: flow.to))) (\(kind))"
            svg += "</title></path>"
        }

        if authorities.count <= labelLimit {
            for authority in authorities {
                let point = points[authority.id]!
                svg += "<text x=\"\(SVGText.number(point.x))\" y=\"\(SVGText.number(point.y - 6))\" "
                svg += "text-anchor=\"middle\" font-size=\"10\" stroke=\"#ffffff\" stroke-width=\"3\" "
                svg += "paint-order=\"stroke\">\(SVGText.escape(authority.name))</text>"
            }
        }
        return svg + "</svg>"
    }

    private func name(of id: AuthorityCode) -> String { authorities.first { $0.id == id }?.name ?? id.rawValue }

    private func line(_ colour: String, dashed: Bool) -> String {
        "<line x1=\"0\" y1=\"5\" x2=\"14\" y2=\"5\" stroke=\"\(colour)\" stroke-width=\"3\""
            + (dashed ? " stroke-dasharray=\"4 2\"/>" : "/>")
    }
}
