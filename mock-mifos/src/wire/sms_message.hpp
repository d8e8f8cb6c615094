// sms_message.hpp: a message template (UGD) rendered as Fineract renders it: Mustache as
// mustache.java 0.9.14 runs it (TemplateMergeService) over a JSON scope, then TwilioHookProcessor's
// removal of "<p>" and "</p>". The one file that includes the Mustache library.
//
//   auto scope = R"({"clientId":7,"client":{"displayName":"Amina"},"loans":[{"id":3}]})"_json;
//   render_mustache("Hi {{client.displayName}}", scope);        // "Hi Amina"
//   sms_message_text("<p>Loan {{loans#0.id}}</p>", scope);       // "Loan 3"
//   render_mustache("{{#x}}", scope);                            // nullopt: not a template
//
// What mustache.java does and this follows: {{name}} escapes & < > " ' = ` and the characters
// 0-13 (HtmlEscaper: &amp; &lt; &gt; &quot; &#39; &#61; &#96; &#10;), {{{name}}} and {{&name}}
// do not; a missing name renders empty; dotted names walk objects; numbers render as Java prints
// what Jackson read (7, 120.5, 1.0E7); false, null, "" and [] are falsey, everything else truthy.
// Differences left: `false` renders empty (mustache.java: "false"), and an object or array in a
// {{name}} tag renders empty (mustache.java: Java's toString of the map or list).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace mifos::mock {

// `text` rendered over `scope` (an object). nullopt when `text` does not parse as Mustache
// (mustache.java throws, and Fineract then sends nothing).
std::optional<std::string> render_mustache(std::string_view text,
                                           const nlohmann::ordered_json& scope);

// TemplateMergeService.expandMapArrays: every array member "k" of every object, at any depth,
// also given as "k#0", "k#1", ... ({{loans#0.accountNo}}).
nlohmann::ordered_json with_indexed_arrays(nlohmann::ordered_json scope);

// The SMS text of a template: rendered over with_indexed_arrays(scope), every "<p>" and "</p>"
// removed (the template editor wraps lines in paragraphs).
std::optional<std::string> sms_message_text(std::string_view text,
                                            const nlohmann::ordered_json& scope);

}  // namespace mifos::mock
