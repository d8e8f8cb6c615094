// intake.hpp: which hook events the bridge handles, and what it keeps of one to do its work
// later (the ids to call back with, a repayment's amount, an SMS SEND's number and text).
//
//   auto kind = sms_bridge::handled_kind(e.entity, e.action);  // nullopt: answer 404
//   auto read = sms_bridge::read_event(e, *kind, now);
//   if (auto* why = std::get_if<std::string>(&read)) return error_answer(400, *why);
//   store.add_event(std::get<sms_bridge::sms_event>(read));
#pragma once

#include <chrono>
#include <mifos/hooks/event.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "records.hpp"

namespace sms_bridge {

enum class handled_event {
  client_create,   // CLIENT CREATE: a welcome SMS to the new client
  loan_repayment,  // LOAN REPAYMENT: a receipt to the loan's client
  sms_send,        // SMS SEND: the message the body carries (a hook with a message template)
};

// Entity and action compared case-insensitively, as the original bridge does.
std::optional<handled_event> handled_kind(std::string_view entity, std::string_view action);

// A repayment's amount: changes().transactionAmount as sent ("500.00"), a number written with two
// decimals; nothing when the event does not carry it.
std::optional<std::string> amount_of(const mifos::hooks::event& e);

// The pending record for a handled event, or why the event cannot be worked on (a CLIENT CREATE
// without clientId, a LOAN REPAYMENT without loanId, an SMS SEND without mobileNo or message).
std::variant<sms_event, std::string> read_event(const mifos::hooks::event& e, handled_event kind,
                                                std::chrono::system_clock::time_point now);

}  // namespace sms_bridge
