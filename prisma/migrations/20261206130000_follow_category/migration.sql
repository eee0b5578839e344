-- Readers follow and mute arXiv categories (`cs.CL`) and archives (`cs`) as they do organizations,
-- authors and topics; the follow's value is the category or archive id.
-- AlterEnum
ALTER TYPE "FollowKind" ADD VALUE 'CATEGORY';
