// catalog_walk_test.cpp: walks sdk/data/fineract-commands.tsv (one row per catalog pair, read from
// Fineract's source) and, for every pair a recipe models (catalog_recipes_*.cpp), runs its REST
// call through a fresh mock and checks what Fineract would do: the call is the row's (method,
// path, ?command=), each active hook subscribed to the pair gets exactly one delivery (none
// when the row says the command fires nothing), and the result carries only the row's ids.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "catalog_recipes.hpp"
#include "request/command_names.hpp"

namespace mifos::mock::catalog_test {
namespace {

struct catalog_row {
  std::string grouping, entity, action, method, path, command;
  std::set<std::string> result_ids;
  bool changes = false, fires = false;
};

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, by);) parts.push_back(part);
  return parts;
}

std::map<std::pair<std::string, std::string>, catalog_row> read_catalog() {
  std::ifstream in(MIFOS_HOOKS_COMMANDS_TSV);
  EXPECT_TRUE(in) << "cannot read " << MIFOS_HOOKS_COMMANDS_TSV;
  std::map<std::pair<std::string, std::string>, catalog_row> rows;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    auto f = split(line, '\t');
    if (f.size() < 9) continue;
    catalog_row r{f[0], f[1], f[2], f[3], f[4], f[5], {}, f[7] == "y", f[8] == "y"};
    for (auto& id : split(f[6], ','))
      if (!id.empty() && id != "-") r.result_ids.insert(id);
    rows.emplace(std::pair(r.entity, r.action), r);
  }
  return rows;
}

// "/clients/{clientId}" matches "/clients/7".
bool path_matches(const std::string& pattern, const std::string& path) {
  auto want = split(pattern, '/'), got = split(path, '/');
  if (want.size() != got.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i)
    if (!(want[i].size() > 1 && want[i].front() == '{') && want[i] != got[i]) return false;
  return true;
}

std::string hook_body(const std::string& entity, const std::string& action, const char* name) {
  return json{{"name", "Web"},
              {"displayName", name},
              {"isActive", true},
              {"events", {{{"entityName", entity}, {"actionName", action}}}},
              {"config", {{"Payload URL", "http://127.0.0.1:9/hooks/"}, {"Content Type", "json"}}}}
      .dump();
}

void add_hook(mock_front& front, const std::string& entity, const std::string& action,
              const char* name) {
  auto [out, firings] = front.run(post("/hooks", json::parse(hook_body(entity, action, name))));
  ASSERT_EQ(out.status, 200) << out.body.dump();
}

TEST(CatalogWalk, EveryModelledPairFiresOncePerSubscribedHookWithTheRowsIds) {
  const auto catalog = read_catalog();
  ASSERT_EQ(catalog.size(), 445u);
  std::set<std::pair<std::string, std::string>> fired, silent;
  std::map<std::string, int> per_grouping;
  for (const pair_recipe& recipe : recipes()) {
    const auto key = std::pair(recipe.entity, recipe.action);
    SCOPED_TRACE(recipe.entity + " " + recipe.action);
    auto row = catalog.find(key);
    ASSERT_NE(row, catalog.end()) << "not a catalog pair";
    EXPECT_FALSE(fired.count(key) || silent.count(key)) << "two recipes for one pair";

    mock_front front(mock_settings{}, [](const std::string&) { return true; });
    recipe_context context(front);
    const rest_call call = recipe.prepare(context);
    EXPECT_EQ(call.method, row->second.method);
    EXPECT_TRUE(path_matches(row->second.path, call.path))
        << call.path << " is not " << row->second.path;
    auto command = call.query.find("command");
    EXPECT_EQ(command == call.query.end() ? "-" : command->second, row->second.command);

    add_hook(front, recipe.entity, recipe.action, "first");
    add_hook(front, recipe.entity, recipe.action, "second");
    const bool other_is_office = key != std::pair<std::string, std::string>("OFFICE", "CREATE");
    add_hook(front, other_is_office ? "OFFICE" : "CLIENT", "CREATE", "other");

    auto [out, firings] = front.run(call);
    EXPECT_GE(out.status, 200) << out.body.dump();
    EXPECT_LT(out.status, 300) << out.body.dump();
    if (!row->second.fires) {
      EXPECT_TRUE(firings.empty()) << "the row fires nothing";
      silent.insert(key);
      continue;
    }
    ASSERT_EQ(firings.size(), 2u) << out.body.dump();
    for (const firing& f : firings) {
      EXPECT_EQ(f.event.entity, recipe.entity);
      EXPECT_EQ(f.event.action, recipe.action);
      EXPECT_FALSE(f.event.failed());
    }
    for (const auto& [name, value] : out.body.items()) {
      const bool allowed = row->second.result_ids.count(name) || name == "resourceExternalId" ||
                           (name == "changes" && row->second.changes);
      EXPECT_TRUE(allowed) << "result key " << name << " is not in the row: " << out.body.dump();
    }
    if (fired.insert(key).second) ++per_grouping[row->second.grouping];
  }
  std::string report = "modelled pairs that fire: " + std::to_string(fired.size()) +
                       ", that stay silent: " + std::to_string(silent.size()) + "\n";
  for (const auto& [grouping, count] : per_grouping)
    report += "  " + grouping + ": " + std::to_string(count) + "\n";
  // MIFOS_WALK_MISSING=1 lists the firing pairs no recipe models yet: the work still ahead.
  if (std::getenv("MIFOS_WALK_MISSING")) {
    for (const auto& [key, row] : catalog)
      if (row.fires && row.method != "-" && !fired.count(key))
        report += "  not modelled: " + row.grouping + " " + key.first + " " + key.second + "\n";
  }
  std::cout << report;
  RecordProperty("firing_pairs", static_cast<int>(fired.size()));
  // Raised as command families land (issue 15 asked for 150 and every grouping that can fire;
  // 281 fire once deposits, shares, products, meetings, client charges and contacts landed).
  EXPECT_GE(fired.size(), 281u);
  for (const char* grouping :
       {"account_transfer", "accounting", "authorisation", "configuration", "datatable", "jobs",
        "organisation", "portfolio", "portfolio_center", "portfolio_group", "transaction_loan",
        "transaction_savings", "xbrlmapping"})
    EXPECT_GT(per_grouping[grouping], 0) << "nothing fires in " << grouping;
}

// Every modelled command, with each field of its body replaced by a value of the wrong kind and
// with bodies that are not objects: Fineract's 4xx (or a success), never an exception or a 500.
TEST(CatalogWalk, MalformedBodiesGetErrorsNeverCrashes) {
  const json wrong[] = {"x", json::object(), json::array(), -1, 1e300, true, nullptr};
  std::size_t calls = 0;
  for (const pair_recipe& recipe : recipes()) {
    SCOPED_TRACE(recipe.entity + " " + recipe.action);
    mock_front front(mock_settings{}, [](const std::string&) { return true; });
    recipe_context context(front);
    const rest_call good = recipe.prepare(context);
    std::vector<rest_call> variants;
    for (json body : {json::array(), json("text"), json(7)}) {
      variants.push_back(good);
      variants.back().body = body;
    }
    if (good.body.is_object()) {
      for (const auto& [key, value] : good.body.items()) {
        for (const json& w : wrong) {
          variants.push_back(good);
          variants.back().body[key] = w;
        }
      }
    }
    for (const rest_call& call : variants) {
      ++calls;
      try {
        auto [out, firings] = front.run(call);
        EXPECT_TRUE(out.status < 500 || out.status == 503)
            << call.method << " " << call.path << " " << call.body.dump() << " -> "
            << out.body.dump();
      } catch (const std::exception& e) {
        ADD_FAILURE() << call.method << " " << call.path << " " << call.body.dump()
                      << " threw: " << e.what();
      }
    }
  }
  RecordProperty("malformed_calls", static_cast<int>(calls));
}

TEST(CatalogWalk, CommandNamesCoverTheTable) {
  const auto& names = detail::command_names();
  for (const auto& [pair, row] : read_catalog()) {
    if (row.command == "-" || row.command.find('=') != std::string::npos) continue;
    EXPECT_NE(std::find(names.begin(), names.end(), row.command), names.end())
        << row.command << " (" << pair.first << " " << pair.second << ")";
    EXPECT_EQ(detail::canonical_command(row.command), row.command);
  }
  EXPECT_EQ(detail::canonical_command(" UndoApproval "), "undoapproval");
  EXPECT_EQ(detail::canonical_command("WITHDRAWNBYAPPLICANT"), "withdrawnByApplicant");
  EXPECT_EQ(detail::canonical_command("frobnicate"), "frobnicate");
}

}  // namespace
}  // namespace mifos::mock::catalog_test
