// BulkCollection: the entry point of the "job" strategy for Mark Missing (and of Damaged above
// the configured threshold) for the desk and the batch. Items whose plan says MARK_MISSING
// (strategy "job") are collected here, each with the journal intent the desk or batch already
// recorded, instead of being written one by one; the GUI then offers "Run the Missing job for
// this session's N items" and hands request() to BulkRunner, which finishes those intents.
#pragma once

#include "bulk/BulkTypes.h"
#include "planning/Plan.h"

#include <QHash>
#include <QString>

#include <vector>

namespace migdesk {

class BulkCollection {
public:
    explicit BulkCollection(BulkPolicy policy = {})
        : m_policy(std::move(policy))
    {}

    // The bulk action a plan step hands to a job under this policy, if any: MARK_MISSING with
    // the "job" strategy; SET_CONDITION is only collected when the caller asks (see add()).
    static std::optional<BulkAction> jobActionFor(const Step &step);

    // Collects `barcode` for `action` (once; a later add of the same barcode keeps the first
    // intent). Returns false when it was already collected.
    bool add(BulkAction action, const QString &barcode, qint64 intentId = 0);
    // Collects every step of `plan` that goes to a job; returns how many were added.
    int addPlan(const Plan &plan, const QString &barcode, qint64 intentId = 0);
    bool remove(BulkAction action, const QString &barcode);
    void clear(BulkAction action);

    int count(BulkAction action) const;
    std::vector<BulkItem> items(BulkAction action) const;
    // True when the collected items of `action` should go to the job now: always for Missing
    // with the job strategy; for Damaged when the count reaches the policy's threshold.
    bool shouldUseJob(BulkAction action) const;

    // The request for BulkRunner: the collected items, the template, the session's name
    // (verification and timing left at their defaults; adjust before starting).
    BulkRequest request(BulkAction action, const JobTemplate &jobTemplate,
                        const QString &sessionName) const;

    const BulkPolicy &policy() const { return m_policy; }

private:
    struct Bucket {
        std::vector<BulkItem> items;
        QHash<QString, qsizetype> index; // barcode -> position
    };
    Bucket &bucket(BulkAction action) { return m_buckets[action == BulkAction::Missing ? 0 : 1]; }
    const Bucket &bucket(BulkAction action) const
    {
        return m_buckets[action == BulkAction::Missing ? 0 : 1];
    }

    BulkPolicy m_policy;
    Bucket m_buckets[2];
};

} // namespace migdesk
