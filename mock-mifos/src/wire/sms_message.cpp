// sms_message.cpp: the JSON scope turned into kainjow::mustache data the way mustache.java sees
// Jackson's maps (numbers as Java prints them, falsey values), and mustache.java's HTML escaper.
#include "wire/sms_message.hpp"

#include <algorithm>
#include <iterator>
#include <kainjow/mustache.hpp>
#include <utility>

#include "wire/java_text.hpp"

namespace mifos::mock {
namespace {

namespace mu = kainjow::mustache;
using json = nlohmann::ordered_json;

// mustache.java's HtmlEscaper: the characters 0-13 as numeric references, then these.
constexpr std::pair<char, std::string_view> kEntities[] = {
    {'&', "&amp;"},  {'<', "&lt;"},  {'>', "&gt;"}, {'"', "&quot;"},
    {'\'', "&#39;"}, {'=', "&#61;"}, {'`', "&#96;"}};

std::string html_escaped(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 13) {
      out += "&#" + std::to_string(static_cast<int>(c)) + ";";
      continue;
    }
    const auto* entity = std::find_if(std::begin(kEntities), std::end(kEntities),
                                      [c](const auto& e) { return e.first == c; });
    if (entity != std::end(kEntities)) {
      out += entity->second;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// mustache.java treats null, false and "" as falsey (and renders nothing for them); kainjow's
// only falsey scalar is `false`, which also renders nothing.
mu::data to_data(const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      mu::data obj{mu::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) obj.set(it.key(), to_data(it.value()));
      return obj;
    }
    case json::value_t::array: {
      mu::data list{mu::data::type::list};
      for (const json& item : j) list.push_back(to_data(item));
      return list;
    }
    case json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      return s.empty() ? mu::data{false} : mu::data{s};
    }
    case json::value_t::boolean:
      return j.get<bool>() ? mu::data{std::string("true")} : mu::data{false};
    case json::value_t::number_integer:
      return mu::data{std::to_string(j.get<std::int64_t>())};
    case json::value_t::number_unsigned:
      return mu::data{std::to_string(j.get<std::uint64_t>())};
    case json::value_t::number_float:
      return mu::data{java_double(j.get<double>())};
    default:
      return mu::data{false};
  }
}

void add_indexed_arrays(json& j) {
  if (j.is_array()) {
    for (json& item : j) add_indexed_arrays(item);
    return;
  }
  if (!j.is_object()) return;
  json extra = json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    add_indexed_arrays(it.value());
    if (!it.value().is_array()) continue;
    std::size_t i = 0;
    for (const json& item : it.value()) extra[it.key() + "#" + std::to_string(i++)] = item;
  }
  for (auto it = extra.begin(); it != extra.end(); ++it) j[it.key()] = std::move(it.value());
}

void erase_all(std::string& s, std::string_view what) {
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at)) {
    s.erase(at, what.size());
  }
}

}  // namespace

std::optional<std::string> render_mustache(std::string_view text, const json& scope) {
  mu::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) return std::nullopt;
  tmpl.set_custom_escape(html_escaped);
  std::string out = tmpl.render(to_data(scope.is_object() ? scope : json::object()));
  if (!tmpl.is_valid()) return std::nullopt;
  return out;
}

json with_indexed_arrays(json scope) {
  add_indexed_arrays(scope);
  return scope;
}

std::optional<std::string> sms_message_text(std::string_view text, const json& scope) {
  auto out = render_mustache(text, with_indexed_arrays(scope));
  if (!out) return std::nullopt;
  erase_all(*out, "<p>");
  erase_all(*out, "</p>");
  return out;
}

}  // namespace mifos::mock
