// batch.cpp: Fineract's BatchApiServiceImpl and ResolutionHelper, as the mock runs them.
#include "server/batch.hpp"

#include <algorithm>
#include <regex>
#include <utility>

namespace mifos::mock {
namespace {

using json = nlohmann::ordered_json;

struct node {
  batch_request request;
  std::vector<node> children;
};

bool add_child(std::vector<node>& nodes, const batch_request& request) {
  for (node& n : nodes) {
    if (n.request.request_id == *request.reference) {
      n.children.push_back({request, {}});
      return true;
    }
    if (add_child(n.children, request)) return true;
  }
  return false;
}

json response(std::int64_t id, int status, const json& headers, std::string body) {
  json r = {{"requestId", id}, {"statusCode", status}};
  if (!headers.is_null()) r["headers"] = headers;
  r["body"] = std::move(body);
  return r;
}

// "$.clientId" (or "$.changes.status") read from the parent's answer; nullopt when absent.
std::optional<json> read_path(const json& answer, const std::string& path) {
  const json* at = &answer;
  std::size_t start = 2;
  while (start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? dot : dot - start);
    if (!at->is_object() || !at->contains(key)) return std::nullopt;
    at = &(*at)[key];
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return *at;
}

json resolve_value(const json& value, const json& parent) {
  if (value.is_string() && value.get_ref<const std::string&>().rfind("$.", 0) == 0) {
    if (auto found = read_path(parent, value.get<std::string>())) return *found;
    return value;
  }
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [k, v] : value.items()) out[k] = resolve_value(v, parent);
    return out;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const auto& v : value) out.push_back(resolve_value(v, parent));
    return out;
  }
  return value;
}

// ResolutionHelper.resolveRequest: "$.x" in the body's values and in the URL's path segments.
batch_request resolve(batch_request request, const json& parent) {
  if (request.body) {
    json body = json::parse(*request.body, nullptr, false);
    if (body.is_object()) request.body = resolve_value(body, parent).dump();
  }
  std::string& url = request.relative_url;
  const std::size_t query = url.find('?');
  std::string path = url.substr(0, query);
  const std::string rest = query == std::string::npos ? "" : url.substr(query);
  std::string resolved;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    std::string segment = path.substr(start, slash == std::string::npos ? slash : slash - start);
    if (segment.rfind("$.", 0) == 0)
      if (auto found = read_path(parent, segment))
        segment = found->is_string() ? found->get<std::string>() : found->dump();
    resolved += segment;
    if (slash == std::string::npos) break;
    resolved += '/';
    start = slash + 1;
  }
  url = resolved + rest;
  return request;
}

std::string without_version(std::string url) {
  if (url.rfind("v1/", 0) == 0) url.erase(0, 3);
  return url;
}

struct runner_state {
  bool enclosing;
  const batch_runner& run;
  json responses = json::array();
  bool roll_back = false;
  std::optional<json> stopped = std::nullopt;  // enclosing: the first failed response, alone
};

void fail_descendants(runner_state& s, const node& n, int status) {
  for (const node& child : n.children) {
    s.responses.push_back(response(
        child.request.request_id, status, child.request.headers,
        "Parent request with id " + std::to_string(n.request.request_id) + " was erroneous!"));
    fail_descendants(s, child, status);
  }
}

void run_node(runner_state& s, const node& n) {
  if (s.stopped) return;
  const batch_request& r = n.request;
  int status = 0;
  std::string body;
  json answer;
  if (!batch_supports(r.method, r.relative_url)) {
    // UnknownCommandStrategy answers; it throws nothing, so the batch goes on (and an enclosing
    // transaction is only marked for rollback).
    status = 501;
    body = "Resource with method " + r.method + " and relativeUrl " + r.relative_url +
           " doesn't exist";
  } else {
    batch_call call{r.method, without_version(r.relative_url), nullptr, true};
    if (r.body && !r.body->empty()) {
      call.body = json::parse(*r.body, nullptr, false);
      call.body_is_json = !call.body.is_discarded();
      if (!call.body_is_json) call.body = nullptr;
    }
    rest_outcome out = s.run(call);
    status = out.status;
    answer = out.body;
    body = out.body.dump();
    if (status != 200 && s.enclosing) {
      // A failed command throws: the transaction ends here with this response alone.
      s.stopped = response(r.request_id, status, r.headers, body);
      s.roll_back = true;
      return;
    }
  }
  s.responses.push_back(response(r.request_id, status, r.headers, body));
  if (status == 200) {
    for (const node& child : n.children)
      run_node(s, {resolve(child.request, answer), child.children});
    return;
  }
  if (s.enclosing) s.roll_back = true;
  fail_descendants(s, n, status);
}

}  // namespace

bool batch_supports(std::string_view method, std::string_view relative_url) {
  struct strategy {
    const char* method;
    std::regex url;
  };
  // CommandStrategyProvider's table (2024-10), without the "v1/" every entry starts with.
  static const std::string n = "\\d+", id = "[\\w\\d-]+", name = "[a-zA-Z0-9_]*";
  static const std::string query = "(\\?(\\w+(?:=[\\w,]+|&)+)+)?";
  static const std::string command = "(\\?command=\\w+)?", must_command = "\\?command=\\w+";
  static const std::vector<strategy> table = [&] {
    std::vector<std::pair<const char*, std::string>> rows = {
        {"POST", "clients"},
        {"PUT", "clients/" + n},
        {"POST", "clients/" + n + "\\?command=activate"},
        {"POST", "loans"},
        {"GET", "loans/" + n + query},
        {"GET", "loans/external-id/" + id + query},
        {"GET", "savingsaccounts/" + n + query},
        {"POST", "savingsaccounts"},
        {"POST", "savingsaccounts/" + n + "/transactions" + command},
        {"POST", "savingsaccounts/" + n + "/transactions/" + n + command},
        {"POST", "loans/" + n + "/charges"},
        {"POST", "loans/external-id/" + id + "/charges" + command},
        {"GET", "loans/" + n + "/charges"},
        {"GET", "loans/external-id/" + id + "/charges"},
        {"GET", "loans/" + n + "/charges/" + n},
        {"GET", "loans/external-id/" + id + "/charges/external-id/" + id},
        {"POST", "loans/" + n + "/charges/" + n + must_command},
        {"POST", "loans/external-id/" + id + "/charges/external-id/" + id + must_command},
        {"POST", "loans/" + n + "/transactions" + must_command},
        {"POST", "loans/external-id/" + id + "/transactions" + must_command},
        {"POST", "loans/" + n + "/transactions/" + n + command},
        {"POST", "loans/external-id/" + id + "/transactions/external-id/" + id + command},
        {"POST", "loans/" + n + "\\?command=approve"},
        {"POST", "loans/" + n + "\\?command=disburse"},
        {"POST", "loans/external-id/" + id + must_command},
        {"POST", "rescheduleloans"},
        {"POST", "rescheduleloans/" + n + "\\?command=approve"},
        {"GET", "loans/" + n + "/transactions/" + n},
        {"GET", "loans/external-id/" + id + "/transactions/external-id/" + id},
        {"POST", "datatables/" + name + "/" + n},
        {"PUT", "datatables/" + name + "/" + n + "/" + n},
        {"PUT", "datatables/" + name + "/" + n},
        {"DELETE", "datatables/" + name + "/" + n + "/" + n},
        {"DELETE", "datatables/" + name + "/" + n},
        {"GET", "datatables/" + name + "/" + n + query},
        {"PUT", "loans/" + n + command},
        {"PUT", "loans/external-id/" + id + command},
        {"GET", "datatables/" + name + "/query(\\?(\\w+(?:=[\\w\\-,]+|&)+)+)"},
    };
    std::vector<strategy> out;
    for (auto& [m, pattern] : rows) out.push_back({m, std::regex(pattern)});
    return out;
  }();
  const std::string url = without_version(std::string(relative_url));
  return std::any_of(table.begin(), table.end(), [&](const strategy& s) {
    return method == s.method && std::regex_match(url, s.url);
  });
}

std::variant<std::vector<batch_request>, api_error> read_batch(const json& body) {
  auto invalid = [](std::string why) {
    return api_error::bad_request("error.msg.invalid.request.body",
                                  "The batch is invalid: " + std::move(why));
  };
  if (!body.is_array()) return invalid("the body must be a JSON array of requests.");
  std::vector<batch_request> out;
  for (const auto& item : body) {
    if (!item.is_object()) return invalid("every request must be an object.");
    batch_request r;
    const json id = item.value("requestId", json());
    if (!id.is_number_integer()) return invalid("every request needs a numeric requestId.");
    r.request_id = id.get<std::int64_t>();
    const json url = item.value("relativeUrl", json());
    const json method = item.value("method", json());
    if (!url.is_string() || !method.is_string())
      return invalid("request " + std::to_string(r.request_id) +
                     " needs a relativeUrl and a method.");
    r.relative_url = url.get<std::string>();
    r.method = method.get<std::string>();
    if (item.contains("headers")) r.headers = item["headers"];
    if (item.contains("reference") && !item["reference"].is_null()) {
      if (!item["reference"].is_number_integer())
        return invalid("the reference of request " + std::to_string(r.request_id) +
                       " is not a requestId.");
      r.reference = item["reference"].get<std::int64_t>();
    }
    const json b = item.value("body", json());
    if (b.is_string())
      r.body = b.get<std::string>();
    else if (!b.is_null())
      r.body = b.dump();  // lenient: an object given as such
    out.push_back(std::move(r));
  }
  return out;
}

batch_result run_batch(std::vector<batch_request> requests, bool enclosing,
                       const batch_runner& run) {
  std::vector<node> roots;
  batch_result result;
  for (auto& r : requests) {
    if (!r.reference) {
      roots.push_back({std::move(r), {}});
    } else if (!add_child(roots, r)) {
      // BatchReferenceInvalidException, before anything ran.
      api_error e = api_error::bad_request(
          "error.msg.batch.reference.invalid",
          "Reference with id " + std::to_string(*r.reference) + " is invalid.");
      result.responses.push_back(response(r.request_id, 400, r.headers, to_json(e).dump()));
      return result;
    }
  }
  runner_state s{enclosing, run};
  for (const node& root : roots) run_node(s, root);
  if (s.stopped) {
    result.responses = json::array({*s.stopped});
  } else {
    result.responses = std::move(s.responses);
    std::stable_sort(
        result.responses.begin(), result.responses.end(), [](const json& a, const json& b) {
          return a["requestId"].get<std::int64_t>() < b["requestId"].get<std::int64_t>();
        });
  }
  result.roll_back = s.roll_back;
  return result;
}

}  // namespace mifos::mock
