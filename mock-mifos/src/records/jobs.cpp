// jobs.cpp: the scheduler's jobs (SCHEDULER UPDATE: PUT /jobs/{id} {displayName, cronExpression,
// active}; POST /jobs/{id}?command=executeJob runs silently: 202, no body, no hook, as in
// Fineract 2024), report mailing jobs (REPORTMAILINGJOB CREATE/UPDATE/DELETE) and the XBRL
// taxonomy mapping (XBRLMAPPING UPDATE: PUT /mixmapping).
#include <string>

#include "records/kinds.hpp"

namespace mifos::mock::records {
namespace {

json job_row(int id, const char* name, const char* cron) {
  return {{"id", id}, {"displayName", name}, {"cronExpression", cron}, {"active", true}};
}

json job_view(const record_db&, const json& row) {
  return {{"jobId", row["id"]},
          {"displayName", row["displayName"]},
          {"cronExpression", row["cronExpression"]},
          {"active", row["active"]},
          {"currentlyRunning", false}};
}

json mailing_job_view(const record_db&, const json& row) {
  json j = row;
  j["isActive"] = row.value("isActive", false);
  return j;
}

}  // namespace

const record_kind& jobs_kind() {
  // Fineract's 0002_initial_data.xml, the first jobs.
  static const record_kind k{
      .collection = "jobs",
      .entity = "SCHEDULER",
      .resource = "schedulerjob",
      .not_found_code = "error.msg.sheduler.job.id.invalid",
      .not_found_text = "Job with identifier {} does not exist",
      .fields = {{"displayName"}, {"cronExpression"}, {"active", field_type::flag}},
      .creates = false,
      .deletes = false,
      .view = &job_view,
      .seed = {job_row(1, "Update loan Summary", "0 0 22 1/1 * ? *"),
               job_row(2, "Update Loan Arrears Ageing", "0 1 0 1/1 * ? *"),
               job_row(3, "Update Loan Paid In Advance", "0 5 0 1/1 * ? *"),
               job_row(4, "Apply Annual Fee For Savings", "0 20 22 1/1 * ? *"),
               job_row(5, "Apply Holidays To Loans", "0 0 12 * * ?"),
               job_row(6, "Post Interest For Savings", "0 0 0 1/1 * ? *")}};
  return k;
}

const record_kind& report_mailing_jobs_kind() {
  static const record_kind k{
      .collection = "reportmailingjobs",
      .entity = "REPORTMAILINGJOB",
      .resource = "reportmailingjobs",
      .not_found_code = "error.msg.report.mailing.job.id.invalid",
      .not_found_text = "Report mailing job with identifier {} does not exist",
      .fields = {{"name", field_type::text, true},
                 {"description"},
                 {"startDateTime", field_type::text, true},
                 {"recurrence"},
                 {"emailRecipients", field_type::text, true},
                 {"emailSubject", field_type::text, true},
                 {"emailMessage", field_type::text, true},
                 {"emailAttachmentFileFormatId", field_type::whole, true},
                 {"stretchyReportId", field_type::id, true},
                 {"stretchyReportParamMap"},
                 {"isActive", field_type::flag}},
      .also_allowed = {"locale", "dateFormat"},
      .unique = "name",
      .duplicate_code = "error.msg.report.mailing.job.duplicate.name",
      .duplicate_text = "Report mailing job with name `{}` already exists",
      .view = &mailing_job_view};
  return k;
}

const record_kind& mix_mapping_kind() {
  static const record_kind k{.collection = "mixmapping",
                             .entity = "XBRLMAPPING",
                             .resource = "mixmapping",
                             .fields = {{"identifier"}, {"config"}},
                             .creates = false,
                             .deletes = false,
                             .update_changes = false,
                             .singleton = 1,
                             .seed = {{{"id", 1}, {"identifier", "default"}, {"config", ""}}}};
  return k;
}

std::optional<rest_outcome> route_jobs(record_db& db, const rest_call& call, const segments& p) {
  const record_kind& k = jobs_kind();
  if (p.size() == 2 && call.method == "POST") {
    const auto id = detail::parse_id(p[1]);
    const std::string* command = detail::command_of(call);
    if (!id) return std::nullopt;
    if (command == nullptr || *command != "executeJob") return detail::unsupported_command(call);
    if (!db.rows(k.collection).rows.count(*id)) return detail::read_outcome(not_found(k, *id));
    // Not a command in 2024-10 Fineract: the job runs, nothing is published.
    return rest_outcome{202, nullptr, std::nullopt};
  }
  return route_kind(db, k, call, p);
}

}  // namespace mifos::mock::records
