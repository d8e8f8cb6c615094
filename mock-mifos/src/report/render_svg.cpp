// render_svg.cpp: the two charts of the HTML report as inline SVG (no scripts, no external
// resources): the latency histogram and p99 latency over time.
#include <algorithm>
#include <cmath>
#include <vector>

#include "report/duration_text.hpp"
#include "report/histogram_buckets.hpp"
#include "report/html_parts.hpp"

namespace mifos::mock::detail {
namespace {

// The drawing area inside the <svg>, leaving room for the axes' ticks and labels.
struct frame {
  static constexpr double kWidth = 760, kHeight = 320;
  static constexpr double kLeft = 72, kRight = 20, kTop = 16, kBottom = 52;
  static constexpr double plot_w() { return kWidth - kLeft - kRight; }
  static constexpr double plot_h() { return kHeight - kTop - kBottom; }
  static constexpr double bottom() { return kHeight - kBottom; }
};

std::string num(double v) { return fixed(v, 1); }

std::string svg_open(const char* id, const char* label) {
  return "<svg id=\"" + std::string(id) + "\" role=\"img\" aria-label=\"" + label + "\" width=\"" +
         num(frame::kWidth) + "\" height=\"" + num(frame::kHeight) + "\" viewBox=\"0 0 " +
         num(frame::kWidth) + " " + num(frame::kHeight) + "\">\n";
}

std::string line(double x1, double y1, double x2, double y2, const char* cls) {
  return "<line class=\"" + std::string(cls) + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) +
         "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>\n";
}

std::string text(double x, double y, const char* anchor, const std::string& content,
                 const char* cls = "tick-label") {
  return "<text class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
         "\" text-anchor=\"" + anchor + "\">" + html_escape(content) + "</text>\n";
}

// Both axes, their titles, and ticks at the given (position, label) pairs.
std::string axes(const std::vector<std::pair<double, std::string>>& x_ticks,
                 const std::vector<std::pair<double, std::string>>& y_ticks,
                 const std::string& x_title, const std::string& y_title) {
  std::string out = "<g class=\"axes\">\n";
  out +=
      line(frame::kLeft, frame::bottom(), frame::kLeft + frame::plot_w(), frame::bottom(), "axis");
  out += line(frame::kLeft, frame::kTop, frame::kLeft, frame::bottom(), "axis");
  for (const auto& [x, label] : x_ticks) {
    out += line(x, frame::bottom(), x, frame::bottom() + 5, "tick");
    out += text(x, frame::bottom() + 18, "middle", label);
  }
  for (const auto& [y, label] : y_ticks) {
    out += line(frame::kLeft - 5, y, frame::kLeft, y, "tick");
    out += line(frame::kLeft, y, frame::kLeft + frame::plot_w(), y, "grid");
    out += text(frame::kLeft - 8, y + 4, "end", label);
  }
  out +=
      text(frame::kLeft + frame::plot_w() / 2, frame::kHeight - 8, "middle", x_title, "axis-title");
  out += "<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(16 " +
         num(frame::kTop + frame::plot_h() / 2) + ") rotate(-90)\">" + html_escape(y_title) +
         "</text>\n";
  return out + "</g>\n";
}

std::string no_data() {
  return text(frame::kWidth / 2, frame::kHeight / 2, "middle", "no deliveries", "axis-title");
}

// A step of 1, 2 or 5 times a power of ten that cuts 0..top into at most `parts` parts.
double nice_step(double top, int parts) {
  const double raw = std::max(top, 1e-9) / parts;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0}) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

// Round values 0, step, 2 step ... up to top.
std::vector<double> nice_ticks(double top, int parts, double min_step = 0) {
  const double step = std::max(nice_step(top, parts), min_step);
  std::vector<double> out;
  for (double v = 0; v <= top * (1 + 1e-9); v += step) out.push_back(v);
  return out;
}

}  // namespace

std::string latency_label(double us) {
  auto trimmed = [](double v) {
    std::string s = fixed(v, 2);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  };
  if (us <= 0) return "0";
  if (us < 1000) return trimmed(us) + " us";
  if (us < 1e6) return trimmed(us / 1e3) + " ms";
  return trimmed(us / 1e6) + " s";
}

std::string latency_histogram_svg(const play_report& r) {
  std::string out = svg_open("latency-histogram", "latency histogram");
  const auto buckets = r.latencies().buckets();
  if (buckets.empty()) return out + no_data() + "</svg>\n";

  // A log latency axis from the lowest bucket's start to the highest's end.
  const double lo = static_cast<double>(bucket_lower(bucket_of(buckets.front().first)));
  const double hi = std::max(static_cast<double>(buckets.back().first + 1), lo * 2);
  const double span = std::log10(hi) - std::log10(lo);
  auto x_of = [&](double us) {
    return frame::kLeft + frame::plot_w() * (std::log10(us) - std::log10(lo)) / span;
  };
  std::uint64_t top = 0;
  for (const auto& b : buckets) top = std::max(top, b.second);

  std::vector<std::pair<double, std::string>> x_ticks;
  for (double decade = std::pow(10.0, std::floor(std::log10(lo))); decade <= hi; decade *= 10) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double v = decade * m;
      // 2 and 5 only where the axis spans less than three decades, to keep labels apart.
      if ((m == 1.0 || span < 3) && v >= lo && v <= hi)
        x_ticks.emplace_back(x_of(v), latency_label(v));
    }
  }
  std::vector<std::pair<double, std::string>> y_ticks;
  for (double v : nice_ticks(static_cast<double>(top), 5, 1.0)) {
    y_ticks.emplace_back(frame::bottom() - frame::plot_h() * v / static_cast<double>(top),
                         std::to_string(std::llround(v)));
  }
  out += axes(x_ticks, y_ticks, "latency (log scale)", "deliveries");

  out += "<g class=\"bars\">\n";
  for (const auto& [upper, count] : buckets) {
    const auto lower = bucket_lower(bucket_of(upper));
    const double x = x_of(static_cast<double>(lower));
    const double w = std::max(1.0, x_of(static_cast<double>(upper + 1)) - x);
    const double h =
        std::max(1.0, frame::plot_h() * static_cast<double>(count) / static_cast<double>(top));
    const std::string range =
        lower == upper ? format_ms(lower) : format_ms(lower) + " to " + format_ms(upper);
    out += "<rect class=\"bar\" x=\"" + num(x) + "\" y=\"" + num(frame::bottom() - h) +
           "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" data-le-us=\"" +
           std::to_string(upper) + "\" data-count=\"" + std::to_string(count) + "\"><title>" +
           html_escape(range + ": " + std::to_string(count) +
                       (count == 1 ? " delivery" : " deliveries")) +
           "</title></rect>\n";
  }
  return out + "</g>\n</svg>\n";
}

std::string latency_over_time_svg(const play_report& r) {
  std::string out = svg_open("latency-over-time", "p99 latency over time");
  const auto points = r.timeline();
  if (points.empty()) return out + no_data() + "</svg>\n";

  const double first = static_cast<double>(points.front().at_s);
  const double last = std::max(static_cast<double>(points.back().at_s), first + 1);
  std::int64_t top_us = 1;
  for (const auto& p : points) top_us = std::max(top_us, p.p99_us);
  const double y_top = static_cast<double>(top_us) * 1.1;
  auto x_of = [&](double s) {
    return frame::kLeft + frame::plot_w() * (s - first) / (last - first);
  };
  auto y_of = [&](double us) { return frame::bottom() - frame::plot_h() * us / y_top; };

  std::vector<std::pair<double, std::string>> x_ticks;
  for (double s : nice_ticks(last - first, 6, 1.0))
    x_ticks.emplace_back(x_of(first + s), std::to_string(std::llround(first + s)) + " s");
  std::vector<std::pair<double, std::string>> y_ticks;
  for (double us : nice_ticks(y_top, 5)) y_ticks.emplace_back(y_of(us), latency_label(us));
  out += axes(x_ticks, y_ticks, "second of the run", "p99 latency");

  std::string polyline = "<polyline class=\"line\" points=\"";
  std::string circles;
  for (const auto& p : points) {
    const double x = x_of(static_cast<double>(p.at_s));
    const double y = y_of(static_cast<double>(p.p99_us));
    polyline += num(x) + "," + num(y) + " ";
    circles +=
        "<circle class=\"point\" cx=\"" + num(x) + "\" cy=\"" + num(y) +
        "\" r=\"3\" data-second=\"" + std::to_string(p.at_s) + "\" data-p99-us=\"" +
        std::to_string(p.p99_us) + "\" data-count=\"" + std::to_string(p.count) + "\"><title>" +
        html_escape("second " + std::to_string(p.at_s) + ": p99 " + format_ms(p.p99_us) + " over " +
                    std::to_string(p.count) + (p.count == 1 ? " delivery" : " deliveries")) +
        "</title></circle>\n";
  }
  polyline.pop_back();
  return out + polyline + "\"/>\n" + circles + "</svg>\n";
}

}  // namespace mifos::mock::detail
