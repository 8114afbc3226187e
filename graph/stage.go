package graph

// Applies is the fact that a resource of st.Undetermined applies to the
// stage. It is undecided for the stage's own unknown rest_api_id when it
// has one, or, for a resource matched by stage name too (byName: method
// settings, usage plans), the stage's unknown stage_name, since a value
// for it decides every such resource at once; otherwise for the
// resource's own unknown.
func (st *RestStage) Applies(pd Pending, byName bool) Fact {
	switch {
	case st.API == "" && st.APIRef.State() == Unknown:
		return Maybe(st.APIRef.Unknown())
	case byName && st.StageName.State() == Unknown:
		return Maybe(st.StageName.Unknown())
	}
	return Maybe(pd.Why)
}
