"""What other tools can read: W3C Web Annotations (export and parse) and schema.org
ClaimReview."""
